package dev.reviewgate.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.reviewgate.testing.BrowserTest;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gotoHuman loop as a reviewer lives it, in Chromium, with the agent played over the API. */
class GotoHumanReviewInBrowserTest extends BrowserTest {

    @Test
    void instructRetryTakeTheAgentsUpdateLiveEditAWordAndApprove() {
        api.post("/v1/forms", Fixtures.blogForm());
        JsonNode created = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "blog-review",
                                "title",
                                "Launch announcement",
                                "workflowId",
                                "wf_blog",
                                "assignTo",
                                List.of(ADMIN),
                                "fields",
                                Fixtures.blogFields(
                                        "# We are launching\n\nOur new product helps teams review what their "
                                                + "AI agents write before it ships. It is long, detailed and friendly.",
                                        "https://cdn.example.com/my-image.jpg",
                                        "https://cdn.example.com/my-image2.jpg")))
                .body();
        String reviewId = created.get("reviewId").asText();

        signIn();
        Locator row = page.locator("tr.queue-row", new Page.LocatorOptions().setHasText("Launch announcement"));
        assertThat(row).isVisible();
        screenshot("inbox.png");
        row.getByRole(AriaRole.LINK).click();
        page.waitForURL("**/reviews/" + reviewId);
        assertThat(page.locator(".markdown h1")).hasText("We are launching");

        page.getByLabel("Instructions for the agent").first().fill("Make this shorter. 500 chars max");
        page.locator("#field-imageOptions").getByLabel("Retry this field").check();
        assertThat(page.locator("[data-action=send-instructions]")).isVisible();
        assertThat(page.locator("[data-action=approve]")).isHidden();
        screenshot("review-retry.png");
        page.locator("[data-action=send-instructions]").click();
        assertThat(page.locator(".status").first()).hasText("changes requested");

        JsonNode instructions = api.get("/v1/reviews/" + reviewId).body().get("instructions");
        assertThat(instructions)
                .extracting(i -> i.get("type").asText())
                .containsExactlyInAnyOrder("textInstruction", "rerun");
        String urlBefore = page.url();
        api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "blog-review",
                        "updateForReviewId",
                        reviewId,
                        "fields",
                        Fixtures.blogFields(
                                "# We launch\n\nReview what your agents write before it ships.",
                                "https://cdn.example.com/my-regenerated-image3.jpg")));
        assertThat(page.locator(".markdown h1"))
                .hasText("We launch", new LocatorAssertions.HasTextOptions().setTimeout(8_000));
        assertThat(page.url()).isEqualTo(urlBefore);
        assertThat(page.locator(".status").first()).hasText("pending");

        page.locator("#field-blog summary").click();
        Locator source = page.locator("textarea[name='f.blog']");
        source.fill(source.inputValue().replace("ships", "goes out"));
        page.locator("[data-action=save-edit]").click();
        assertThat(page.locator(".markdown p").first()).containsText("goes out");
        assertThat(page.locator("#field-blog .tag.edited")).isVisible();

        page.locator("[data-action=approve]").click();
        assertThat(page.locator(".decision")).containsText("Approved by Administrator");
        JsonNode decided = api.get("/v1/reviews/" + reviewId).body();
        assertThat(decided.at("/decision/versionId").asText())
                .isEqualTo(decided.get("headVersionId").asText());
        assertThat(decided.at("/versionsById/" + decided.get("headVersionId").asText() + "/origin")
                        .asText())
                .isEqualTo("human_edit");
        assertThat(decided.at("/decision/decidedBy/kind").asText()).isEqualTo("human");

        page.navigate(url("/reviews/" + reviewId + "/history"));
        assertThat(page.locator("[data-diff=blog] ins").first()).containsText("goes out");
        assertThat(page.locator("[data-diff=blog] del").first()).containsText("ships");
        screenshot("history-diff.png");
    }

    @Test
    void aDecisionTakenMeanwhileIsShownAndTheTypedReasonIsKept() {
        api.put("/v1/forms/race-form", Map.of("name", "Race", "fields", List.of(Map.of("id", "text", "type", "text"))));
        JsonNode created = api.post("/v1/reviews", Map.of("formId", "race-form", "fields", Map.of("text", "hello")))
                .body();
        String reviewId = created.get("reviewId").asText();
        signIn();
        page.navigate(url("/reviews/" + reviewId));
        page.getByLabel("Reason for rejecting").fill("Too vague; needs figures");
        api.post(
                "/v1/reviews/" + reviewId + "/approve",
                Map.of("versionId", created.get("versionId").asText()));
        page.locator("[data-action=reject]").click();
        assertThat(page.locator(".banner")).containsText("already approved");
        assertThat(page.locator(".decision")).containsText("Approved");
    }

    @Test
    void keyboardShortcutsMoveThroughTheInboxAndShowHelp() {
        api.put(
                "/v1/forms/kb-form",
                Map.of("name", "Keyboard", "fields", List.of(Map.of("id", "text", "type", "text"))));
        for (int i = 0; i < 3; i++) {
            api.post(
                    "/v1/reviews",
                    Map.of("formId", "kb-form", "title", "kb review " + i, "fields", Map.of("text", "t" + i)));
        }
        signIn();
        page.keyboard().press("j");
        page.keyboard().press("j");
        assertThat(page.locator("tr.queue-row.selected")).hasCount(1);
        page.keyboard().press("Enter");
        page.waitForURL("**/reviews/**");
        page.keyboard().press("?");
        assertThat(page.locator("#shortcuts")).isVisible();
    }
}
