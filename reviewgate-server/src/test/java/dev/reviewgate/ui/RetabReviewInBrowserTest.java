package dev.reviewgate.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.BrowserTest;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Retab loop in Chromium: correct an extract snapshot, see the 422 inline, fix it, approve; reject another. */
class RetabReviewInBrowserTest extends BrowserTest {

    @Test
    void anInvalidEditShowsItsErrorInlineAndTheFixedVersionIsApproved() {
        api.post("/v1/forms", Fixtures.json("""
                {'id':'invoice','name':'Invoice extraction','blockType':'extract','schema':{'type':'object',
                 'properties':{'total_amount':{'type':'number','minimum':0},'vendor_name':{'type':'string'},
                 'lines':{'type':'array','items':{'type':'object','properties':{'sku':{'type':'string'}},'required':['sku']}}},
                 'required':['total_amount','vendor_name']}}"""));
        JsonNode created = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "invoice",
                                "runId",
                                "run_abc123",
                                "blockId",
                                "block_extract",
                                "workflowId",
                                "wf_abc123",
                                "fields",
                                Map.of(
                                        "total_amount",
                                        352,
                                        "vendor_name",
                                        "Acme Corp",
                                        "lines",
                                        List.of(Map.of("sku", "A-1")))))
                .body();
        String reviewId = created.get("reviewId").asText();

        signIn();
        page.navigate(url("/reviews/" + reviewId));
        page.locator("input[name='f.total_amount']").fill("-325");
        page.locator("textarea[name='f.lines']").fill("[{\"code\": \"A-1\"}]");
        page.locator("[data-action=save-edit]").click();
        assertThat(page.locator("#field-total_amount .field-errors")).containsText("at least 0");
        assertThat(page.locator("#field-lines .field-errors")).containsText("/0/sku");
        assertThat(page.locator("input[name='f.total_amount']")).hasValue("-325");

        page.locator("input[name='f.total_amount']").fill("325");
        page.locator("textarea[name='f.lines']").fill("[{\"sku\": \"A-1\"}]");
        page.locator("[data-action=save-edit]").click();
        assertThat(page.locator("#field-total_amount .tag.edited")).isVisible();
        page.locator("[data-action=approve]").click();
        assertThat(page.locator(".decision")).containsText("Approved");

        JsonNode review =
                api.get("/v1/runs/run_abc123/blocks/block_extract/review").body();
        String approved = review.at("/decision/versionId").asText();
        assertThat(review.at("/versionsById/" + approved + "/snapshot/total_amount")
                        .asInt())
                .isEqualTo(325);
        assertThat(review.at("/versionsById/" + approved + "/parentId").asText())
                .isEqualTo(created.get("versionId").asText());
    }

    @Test
    void aRejectionNeedsAReasonAndRecordsIt() {
        api.put(
                "/v1/forms/classify",
                Map.of("name", "Classifier", "blockType", "classifier", "categories", List.of("invoice", "spam")));
        String reviewId = api.post("/v1/reviews", Map.of("formId", "classify", "fields", Map.of("category", "spam")))
                .body()
                .get("reviewId")
                .asText();
        signIn();
        page.navigate(url("/reviews/" + reviewId));
        page.getByLabel("Reason for rejecting").fill("Source document is illegible; cannot verify totals.");
        page.locator("[data-action=reject]").click();
        assertThat(page.locator(".decision")).containsText("Rejected by Administrator");
        assertThat(page.locator(".decision")).containsText("illegible");
        assertThat(api.get("/v1/reviews/" + reviewId)
                        .body()
                        .at("/decision/reason")
                        .asText())
                .startsWith("Source document");
    }
}
