package dev.reviewgate.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import dev.reviewgate.testing.BrowserTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An admin builds a group on the groups page in Chromium: a refused member, then a group, an edit and a delete. */
class GroupsInBrowserTest extends BrowserTest {

    @Test
    void anAdminCreatesEditsAndDeletesAGroupFromThePage() {
        api.post("/v1/users", Map.of("email", "gina@example.com", "name", "Gina"));
        api.post("/v1/users", Map.of("email", "hal@example.com", "name", "Hal"));
        signIn();
        page.navigate(url("/admin/groups"));
        Locator add = page.locator("#add-group");

        add.getByLabel("Id").fill("support");
        add.getByLabel("Name").fill("Support team");
        add.getByLabel("Members").fill("gina@example.com\nnobody@example.com");
        add.locator("button.primary").click();
        assertThat(page.locator(".banner.error").innerText()).contains("nobody@example.com");

        page.locator("#add-group").getByLabel("Members").fill("gina@example.com\nHAL@example.com");
        page.locator("#add-group button.primary").click();
        assertThat(page.locator(".banner[role=status]").innerText()).contains("Created group support");
        Locator row = page.locator("tr[data-group=support]");
        assertThat(row.locator("td.members").innerText()).isEqualTo("gina@example.com, hal@example.com");

        row.locator("summary").click();
        row.getByLabel("Members").fill("hal@example.com");
        row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        page.waitForURL("**/admin/groups");
        assertThat(page.locator("tr[data-group=support] td.members").innerText())
                .isEqualTo("hal@example.com");
        JsonNode group = api.get("/v1/groups/support").body();
        assertThat(group.get("members")).extracting(JsonNode::asText).containsExactly("hal@example.com");

        page.locator("tr[data-group=support] button.danger").click();
        page.waitForURL("**/admin/groups");
        assertThat(page.locator("tr[data-group=support]").count()).isZero();
        assertThat(api.get("/v1/groups/support").status()).isEqualTo(404);
    }
}
