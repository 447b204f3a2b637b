package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Retab review loop over HTTP: queue by workflow → get by run/block → edit with parentId →
 * decide that exact version, with already_applied and 409 semantics. Every test opens its own
 * gate (form, workflow and run of its own) and walks the loop only as far as its behaviour needs.
 */
class RetabFlowTest extends ApiTest {

    private static final String BLOCK = "block_extract";
    private static final JsonNode CORRECTED = json("{'total_amount':325,'vendor_name':'Acme Corp'}");

    private static final AtomicInteger IDS = new AtomicInteger();

    /** A review reached at a run's extract block; {@code path} is its run address. */
    private record Gate(String formId, String runId, String path) {}

    /** A gate whose model output a human corrected; {@code corrected} is that version. */
    private record Corrected(Gate gate, String modelVersion, String corrected) {}

    @Test
    void theQueueFiltersByWorkflowOldestFirst() {
        String workflow = queueOfThree();

        JsonNode first =
                api.get("/v1/reviews?workflowId=" + workflow + "&limit=2").body();

        assertThat(first.get("data"))
                .extracting(r -> r.get("runId").asText())
                .containsExactly(workflow + "_q1", workflow + "_q2");
        JsonNode item = first.get("data").get(0);
        assertThat(item.get("blockId").asText()).isEqualTo(BLOCK);
        assertThat(item.get("workflowId").asText()).isEqualTo(workflow);
        assertThat(item.get("awaitingSince").asText()).endsWith("Z");
    }

    @Test
    void theQueuePagesByCursorUntilTheCursorIsNull() {
        String workflow = queueOfThree();
        String cursor = api.get("/v1/reviews?workflowId=" + workflow + "&limit=2")
                .body()
                .get("nextCursor")
                .asText();

        JsonNode second = api.get("/v1/reviews?workflowId=" + workflow + "&limit=2&cursor=" + cursor)
                .body();

        assertThat(second.get("data")).extracting(r -> r.get("runId").asText()).containsExactly(workflow + "_q3");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theDecidedQueueLeavesOutPendingReviews() {
        String workflow = queueOfThree();

        assertThat(api.get("/v1/reviews?workflowId=" + workflow + "&status=decided")
                        .body()
                        .get("data"))
                .isEmpty();
    }

    @Test
    void aQueueLimitOfZeroIs400() {
        assertThat(api.get("/v1/reviews?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aQueueCursorTheServerDidNotIssueIs400() {
        assertThat(api.get("/v1/reviews?cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void theModelOutputIsTheFirstVersionWithItsAuthor() {
        Gate gate = newGate();

        JsonNode review = api.get(gate.path()).body();

        String modelVersion = review.get("headVersionId").asText();
        assertThat(review.at("/versionsById/" + modelVersion + "/origin").asText())
                .isEqualTo("model_output");
        assertThat(review.at("/versionsById/" + modelVersion + "/author"))
                .isEqualTo(json("{'kind':'model','id':'gpt','displayName':'GPT'}"));
    }

    @Test
    void anEditMakesAVersionNamedByItsCanonicalJson() {
        Gate gate = newGate();

        Api.Response edited = correctTotal(gate, headVersion(gate));

        assertThat(edited.status()).isEqualTo(201);
        String versionId = edited.body().get("versionId").asText();
        assertThat(versionId).isEqualTo(CanonicalJson.versionId(CORRECTED));
        assertThat(edited.body().at("/review/versionsById/" + versionId + "/snapshot"))
                .isEqualTo(CORRECTED);
    }

    @Test
    void theSameEditTwiceAddsNoVersion() {
        Gate gate = newGate();
        String modelVersion = headVersion(gate);
        String versionId =
                correctTotal(gate, modelVersion).body().get("versionId").asText();

        Api.Response again = correctTotal(gate, modelVersion);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(again.body().get("versionId").asText()).isEqualTo(versionId);
    }

    @Test
    void theSameSnapshotUnderAnotherParentIs409() {
        Corrected edit = correctedGate();

        Api.Response otherParent =
                api.post(edit.gate().path() + "/versions", Map.of("parentId", edit.corrected(), "snapshot", CORRECTED));

        assertThat(otherParent.status()).isEqualTo(409);
    }

    @Test
    void approvingAVersionDecidesOnThatExactVersion() {
        Corrected edit = correctedGate();

        Api.Response approved = approve(edit);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(approved.body().at("/review/decision/versionId").asText()).isEqualTo(edit.corrected());
    }

    @Test
    void approvingTheSameVersionAgainIsAlreadyApplied() {
        Corrected edit = correctedGate();
        approve(edit);

        Api.Response repeat = approve(edit);

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().get("submissionStatus").asText()).isEqualTo("already_applied");
    }

    @Test
    void theOppositeDecisionAfterwardsIs409WithTheStandingDecision() {
        Corrected edit = correctedGate();
        approve(edit);

        Api.Response opposite = api.post(
                edit.gate().path() + "/reject", Map.of("versionId", edit.modelVersion(), "reason", "Illegible"));

        assertThat(opposite.status()).isEqualTo(409);
        assertThat(opposite.header("Content-Type")).startsWith("application/problem+json");
        assertThat(opposite.body().at("/decision/verdict").asText()).isEqualTo("approved");
        assertThat(opposite.body().at("/decision/versionId").asText()).isEqualTo(edit.corrected());
    }

    @Test
    void anEditAfterTheDecisionIs409() {
        Corrected edit = correctedGate();
        approve(edit);

        Api.Response late = api.post(
                edit.gate().path() + "/versions",
                Map.of("parentId", edit.corrected(), "snapshot", json("{'total_amount':1,'vendor_name':'Late'}")));

        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void aRejectionWithoutAReasonIs422AtReason() {
        Gate gate = newGate();

        Api.Response noReason = api.post(gate.path() + "/reject", Map.of("versionId", headVersion(gate)));

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().at("/errors/0/pointer").asText()).isEqualTo("/reason");
    }

    @Test
    void aDecisionOnAnUnknownVersionIs422AtVersionId() {
        Gate gate = newGate();

        Api.Response unknownVersion = api.post(gate.path() + "/approve", Map.of("versionId", "0".repeat(64)));

        assertThat(unknownVersion.status()).isEqualTo(422);
        assertThat(unknownVersion.body().at("/errors/0/pointer").asText()).isEqualTo("/versionId");
    }

    @Test
    void aRejectionWithAReasonRejectsTheReviewAndKeepsTheReason() {
        Gate gate = newGate();

        Api.Response rejected = api.post(
                gate.path() + "/reject",
                Map.of(
                        "versionId",
                        headVersion(gate),
                        "reason",
                        "Source document is illegible; cannot verify totals."));

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().at("/review/status").asText()).isEqualTo("rejected");
        assertThat(rejected.body().at("/review/decision/reason").asText()).startsWith("Source document");
    }

    @Test
    void aSecondReviewForTheSameRunAndBlockIs409NamingTheFirst() {
        Gate gate = newGate();
        String existing = api.get(gate.path()).body().get("id").asText();

        Api.Response duplicate = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        gate.formId(),
                        "runId",
                        gate.runId(),
                        "blockId",
                        BLOCK,
                        "fields",
                        Map.of("total_amount", 2, "vendor_name", "X")));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("reviewId").asText()).isEqualTo(existing);
    }

    @Test
    void theRunAddressIs404UntilTheGateIsReached() {
        assertThat(api.get("/v1/runs/run_nope/blocks/" + BLOCK + "/review").status())
                .isEqualTo(404);
    }

    @Test
    void anExtractSnapshotMustMatchTheSchema() {
        String formId = newInvoiceForm();

        Api.Response bad = api.post(
                "/v1/reviews", Map.of("formId", formId, "fields", Map.of("total_amount", "352", "vendor", "Acme")));

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors"))
                .extracting(e -> e.get("pointer").asText())
                .contains("/fields/total_amount", "/fields/vendor", "/fields/vendor_name");
    }

    // ------------------------------------------------------------------ fixture: the loop, step by step

    /** The seed's extract form under an id of its own. */
    private String newInvoiceForm() {
        ObjectNode form = (ObjectNode) Fixtures.invoiceForm();
        form.put("id", "invoice-extract-" + IDS.incrementAndGet());
        assertThat(api.post("/v1/forms", form).status()).isEqualTo(201);
        return form.get("id").asText();
    }

    /** The seed's review: GPT's extraction of invoice INV-991, gated at its run's extract block. */
    private Gate newGate() {
        String formId = newInvoiceForm();
        String runId = "run_abc123_" + IDS.incrementAndGet();
        assertThat(api.post(
                                "/v1/reviews",
                                Map.of(
                                        "formId",
                                        formId,
                                        "workflowId",
                                        "wf_abc123",
                                        "runId",
                                        runId,
                                        "blockId",
                                        BLOCK,
                                        "fields",
                                        Map.of(
                                                "invoice_number",
                                                "INV-991",
                                                "total_amount",
                                                352,
                                                "vendor_name",
                                                "Acme Corp"),
                                        "author",
                                        Map.of("kind", "model", "id", "gpt", "displayName", "GPT")))
                        .status())
                .isEqualTo(201);
        return new Gate(formId, runId, "/v1/runs/" + runId + "/blocks/" + BLOCK + "/review");
    }

    /** Three pending reviews, oldest first, in a workflow of their own; returns the workflow id. */
    private String queueOfThree() {
        String formId = newInvoiceForm();
        String workflow = "wf_queue_" + IDS.incrementAndGet();
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post(
                                    "/v1/reviews",
                                    Map.of(
                                            "formId",
                                            formId,
                                            "workflowId",
                                            workflow,
                                            "runId",
                                            workflow + "_q" + i,
                                            "blockId",
                                            BLOCK,
                                            "fields",
                                            Map.of("total_amount", i, "vendor_name", "V" + i)))
                            .status())
                    .isEqualTo(201);
        }
        return workflow;
    }

    private String headVersion(Gate gate) {
        return api.get(gate.path()).body().get("headVersionId").asText();
    }

    /** Dana corrects the total from 352 to 325. */
    private Api.Response correctTotal(Gate gate, String parentId) {
        return api.post(
                gate.path() + "/versions",
                Map.of(
                        "parentId",
                        parentId,
                        "snapshot",
                        CORRECTED,
                        "origin",
                        "human_edit",
                        "note",
                        "Corrected total.",
                        "author",
                        Map.of("kind", "human", "id", "user_42", "displayName", "Dana Rivera")));
    }

    private Corrected correctedGate() {
        Gate gate = newGate();
        String modelVersion = headVersion(gate);
        Api.Response edited = correctTotal(gate, modelVersion);
        assertThat(edited.status()).isEqualTo(201);
        return new Corrected(gate, modelVersion, edited.body().get("versionId").asText());
    }

    private Api.Response approve(Corrected edit) {
        return api.post(edit.gate().path() + "/approve", Map.of("versionId", edit.corrected()));
    }
}
