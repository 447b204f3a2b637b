package dev.reviewgate.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import dev.reviewgate.testing.BrowserTest;
import dev.reviewgate.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A bulk approve in Chromium: rows selected with the keyboard and by clicking, a confirmation that
 * names the count, then per-item results. Each item is decided on the version its row showed (also
 * one that got a newer version meanwhile); one claimed by someone else is refused and stays pending.
 */
class BulkInBrowserTest extends BrowserTest {

    @Test
    void selectedRowsAreApprovedTogetherAfterAConfirmationNamingTheCount() {
        api.put("/v1/forms/bulk", Map.of("name", "Bulk", "blockType", "classifier", "categories", List.of("a", "b")));
        List<JsonNode> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(api.post(
                            "/v1/reviews",
                            Map.of("formId", "bulk", "title", "Item " + i, "fields", Map.of("category", "a")))
                    .body());
        }
        signIn();
        page.navigate(url("/inbox?sort=createdAt"));
        assertThat(page.locator("tr.queue-row")).hasCount(5);

        page.keyboard().press("j");
        page.keyboard().press("x");
        page.keyboard().press("j");
        page.keyboard().press("x");
        row("Item 3").locator("input[name=item]").check();
        row("Item 4").locator("input[name=item]").check();
        assertThat(page.locator("[data-selected-count]")).hasText("4 selected");

        // Meanwhile the agent sends Item 3 a new version, and someone else claims Item 4 (over the API).
        String third = id(created.get(2));
        ObjectNode snapshot = (ObjectNode) Fixtures.json("{'category':'b'}");
        api.post(
                "/v1/reviews/" + third + "/versions",
                Map.of("parentId", created.get(2).get("versionId").asText(), "snapshot", snapshot));
        String fourth = id(created.get(3));
        api.post(
                "/v1/reviews/" + fourth + "/claim",
                Map.of("author", Map.of("kind", "human", "id", "olga", "displayName", "Olga")));

        List<String> asked = new CopyOnWriteArrayList<>();
        page.onceDialog(d -> {
            asked.add(d.message());
            d.accept();
        });
        page.locator("[data-bulk-action=approve]").click();
        page.waitForURL("**/inbox/decide");
        assertThat(asked).containsExactly("Approve 4 reviews?");
        assertThat(result(id(created.get(0)))).hasText("approved");
        assertThat(result(id(created.get(1)))).hasText("approved");
        assertThat(result(third)).hasText("approved");
        assertThat(result(fourth)).containsText("409");
        assertThat(result(fourth)).containsText("claimed by Olga");

        // Each decision is on the version its row showed, even where a newer one arrived meanwhile.
        for (JsonNode c : created.subList(0, 3)) {
            JsonNode review = api.get("/v1/reviews/" + id(c)).body();
            assertThat(review.at("/decision/verdict").asText()).isEqualTo("approved");
            assertThat(review.at("/decision/via").asText()).isEqualTo("web");
            assertThat(review.at("/decision/versionId").asText())
                    .isEqualTo(c.get("versionId").asText());
        }
        for (JsonNode c : created.subList(3, 5)) {
            assertThat(api.get("/v1/reviews/" + id(c)).body().get("status").asText())
                    .isEqualTo("pending");
        }
    }

    @Test
    void cancellingTheConfirmationDecidesNothing() {
        api.put("/v1/forms/bulk", Map.of("name", "Bulk", "blockType", "classifier", "categories", List.of("a", "b")));
        JsonNode one = api.post(
                        "/v1/reviews", Map.of("formId", "bulk", "title", "Keep me", "fields", Map.of("category", "a")))
                .body();
        signIn();
        page.navigate(url("/inbox"));
        row("Keep me").locator("input[name=item]").check();
        page.getByLabel("Reason for rejecting the selected reviews").fill("not now");
        List<String> asked = new CopyOnWriteArrayList<>();
        page.onceDialog(d -> {
            asked.add(d.message());
            d.dismiss();
        });
        page.locator("[data-bulk-action=reject]").click();
        assertThat(page).hasURL(url("/inbox"));
        assertThat(asked).containsExactly("Reject 1 review?");
        assertThat(api.get("/v1/reviews/" + id(one)).body().get("status").asText())
                .isEqualTo("pending");
    }

    private Locator row(String title) {
        return page.locator("tr.queue-row").filter(new Locator.FilterOptions().setHasText(title));
    }

    private Locator result(String reviewId) {
        return page.locator("tr[data-result='" + reviewId + "'] td").nth(1);
    }

    private static String id(JsonNode created) {
        return created.get("reviewId").asText();
    }
}
