package dev.reviewgate.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.BrowserTest;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tool call on the review page: its input as pretty JSON, checked while typed, edited and approved exactly. */
class ToolCallInBrowserTest extends BrowserTest {

    @Test
    void theInputIsPrettyJsonThatIsCheckedAsItIsTypedAndApprovedAsEdited() {
        JsonNode created = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "tool-call",
                                "fields",
                                Map.of("tool", "Bash", "input", Map.of("command", "ls", "args", List.of("-la")))))
                .body();
        String reviewId = created.get("reviewId").asText();

        signIn();
        page.navigate(url("/reviews/" + reviewId));
        var input = page.locator("textarea[name='f.input']");
        assertThat(input.inputValue()).contains("\n").contains("\"command\" : \"ls\"");
        assertThat(page.locator("#field-tool .tag")).containsText("read-only");

        input.fill("{\"command\": \"ls\",");
        assertThat(page.locator("#f\\.input-json-error")).isVisible();
        assertThat(page.locator("#f\\.input-json-error")).containsText("Not valid JSON");
        assertThat(input).hasAttribute("aria-invalid", "true");

        input.fill("{\"command\": \"ls\", \"args\": [\"-l\", \"/tmp\"]}");
        assertThat(page.locator("#f\\.input-json-error")).isHidden();
        page.locator("[data-action=save-edit]").click();
        assertThat(page.locator("#field-input .tag.edited")).isVisible();
        page.locator("[data-action=approve]").click();
        assertThat(page.locator(".decision")).containsText("Approved");

        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        String approved = review.at("/decision/versionId").asText();
        assertThat(review.at("/versionsById/" + approved + "/snapshot/input"))
                .isEqualTo(Fixtures.json("{'command':'ls','args':['-l','/tmp']}"));
    }
}
