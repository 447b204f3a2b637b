package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Retab review loop over HTTP: queue by workflow → get by run/block → edit with parentId →
 * decide that exact version, with already_applied and 409 semantics.
 */
class RetabFlowTest extends ApiTest {

    private static final String RUN = "/v1/runs/run_abc123/blocks/block_extract/review";

    @Override
    protected void setUp() {
        assertThat(api.post("/v1/forms", Fixtures.invoiceForm()).status()).isEqualTo(201);
        assertThat(api.post("/v1/reviews", Map.of("formId", "invoice-extract", "workflowId", "wf_abc123",
                "runId", "run_abc123", "blockId", "block_extract",
                "fields", Map.of("invoice_number", "INV-991", "total_amount", 352, "vendor_name", "Acme Corp"),
                "author", Map.of("kind", "model", "id", "gpt", "displayName", "GPT"))).status()).isEqualTo(201);
        api.post("/v1/reviews", Map.of("formId", "invoice-extract", "workflowId", "wf_other", "runId", "run_other",
                "blockId", "block_extract", "fields", Map.of("total_amount", 1, "vendor_name", "Other")));
    }

    @Test
    void theQueueFiltersByWorkflowOldestFirstAndPagesByCursor() {
        for (int i = 1; i <= 3; i++) {
            api.post("/v1/reviews", Map.of("formId", "invoice-extract", "workflowId", "wf_queue", "runId", "run_q" + i,
                    "blockId", "block_extract", "fields", Map.of("total_amount", i, "vendor_name", "V" + i)));
        }
        JsonNode first = api.get("/v1/reviews?workflowId=wf_queue&limit=2").body();
        assertThat(first.get("data")).extracting(r -> r.get("runId").asText()).containsExactly("run_q1", "run_q2");
        JsonNode item = first.get("data").get(0);
        assertThat(item.get("blockId").asText()).isEqualTo("block_extract");
        assertThat(item.get("workflowId").asText()).isEqualTo("wf_queue");
        assertThat(item.get("awaitingSince").asText()).endsWith("Z");

        JsonNode second = api.get("/v1/reviews?workflowId=wf_queue&limit=2&cursor=" + first.get("nextCursor").asText()).body();
        assertThat(second.get("data")).extracting(r -> r.get("runId").asText()).containsExactly("run_q3");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/v1/reviews?workflowId=wf_queue&status=decided").body().get("data")).isEmpty();
        assertThat(api.get("/v1/reviews?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/reviews?cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void aReviewIsEditedAndThatExactVersionApproved() {
        JsonNode review = api.get(RUN).body();
        String modelVersion = review.get("headVersionId").asText();
        assertThat(review.at("/versionsById/" + modelVersion + "/origin").asText()).isEqualTo("model_output");
        assertThat(review.at("/versionsById/" + modelVersion + "/author")).isEqualTo(
                json("{'kind':'model','id':'gpt','displayName':'GPT'}"));

        JsonNode corrected = json("{'total_amount':325,'vendor_name':'Acme Corp'}");
        Map<String, Object> edit = Map.of("parentId", modelVersion, "snapshot", corrected, "origin", "human_edit",
                "note", "Corrected total.", "author", Map.of("kind", "human", "id", "user_42", "displayName", "Dana Rivera"));
        Api.Response edited = api.post(RUN + "/versions", edit);
        assertThat(edited.status()).isEqualTo(201);
        String versionId = edited.body().get("versionId").asText();
        assertThat(versionId).isEqualTo(CanonicalJson.versionId(corrected));
        assertThat(edited.body().at("/review/versionsById/" + versionId + "/snapshot")).isEqualTo(corrected);

        Api.Response again = api.post(RUN + "/versions", edit);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(again.body().get("versionId").asText()).isEqualTo(versionId);

        Api.Response otherParent = api.post(RUN + "/versions", Map.of("parentId", versionId, "snapshot", corrected));
        assertThat(otherParent.status()).isEqualTo(409);

        Api.Response approved = api.post(RUN + "/approve", Map.of("versionId", versionId));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(approved.body().at("/review/decision/versionId").asText()).isEqualTo(versionId);

        Api.Response repeat = api.post(RUN + "/approve", Map.of("versionId", versionId));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().get("submissionStatus").asText()).isEqualTo("already_applied");

        Api.Response opposite = api.post(RUN + "/reject", Map.of("versionId", modelVersion, "reason", "Illegible"));
        assertThat(opposite.status()).isEqualTo(409);
        assertThat(opposite.header("Content-Type")).startsWith("application/problem+json");
        assertThat(opposite.body().at("/decision/verdict").asText()).isEqualTo("approved");
        assertThat(opposite.body().at("/decision/versionId").asText()).isEqualTo(versionId);

        Api.Response late = api.post(RUN + "/versions", Map.of("parentId", versionId,
                "snapshot", json("{'total_amount':1,'vendor_name':'Late'}")));
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void aRejectionNeedsAReason() {
        String path = "/v1/runs/run_other/blocks/block_extract/review";
        String versionId = api.get(path).body().get("headVersionId").asText();
        Api.Response noReason = api.post(path + "/reject", Map.of("versionId", versionId));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().at("/errors/0/pointer").asText()).isEqualTo("/reason");
        Api.Response unknownVersion = api.post(path + "/approve", Map.of("versionId", "0".repeat(64)));
        assertThat(unknownVersion.status()).isEqualTo(422);
        assertThat(unknownVersion.body().at("/errors/0/pointer").asText()).isEqualTo("/versionId");

        Api.Response rejected = api.post(path + "/reject", Map.of("versionId", versionId,
                "reason", "Source document is illegible; cannot verify totals."));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().at("/review/status").asText()).isEqualTo("rejected");
        assertThat(rejected.body().at("/review/decision/reason").asText()).startsWith("Source document");
    }

    @Test
    void aSecondReviewForTheSameRunAndBlockIs409NamingTheFirst() {
        String existing = api.get(RUN).body().get("id").asText();
        Api.Response duplicate = api.post("/v1/reviews", Map.of("formId", "invoice-extract", "runId", "run_abc123",
                "blockId", "block_extract", "fields", Map.of("total_amount", 2, "vendor_name", "X")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("reviewId").asText()).isEqualTo(existing);
    }

    @Test
    void theRunAddressIs404UntilTheGateIsReached() {
        assertThat(api.get("/v1/runs/run_nope/blocks/block_extract/review").status()).isEqualTo(404);
    }

    @Test
    void anExtractSnapshotMustMatchTheSchema() {
        Api.Response bad = api.post("/v1/reviews", Map.of("formId", "invoice-extract",
                "fields", Map.of("total_amount", "352", "vendor", "Acme")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors")).extracting(e -> e.get("pointer").asText())
                .contains("/fields/total_amount", "/fields/vendor", "/fields/vendor_name");
    }
}
