package dev.reviewgate.review;

import static dev.reviewgate.review.WorkFixtures.human;
import static dev.reviewgate.review.WorkFixtures.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/reviews/bulk}: explicit pairs, each item on its own, per-item HTTP-like results. */
class BulkDecisionsApiTest extends ApiTest {

    private static Map<String, String> item(JsonNode review) {
        return Map.of(
                "reviewId",
                review.get("id").asText(),
                "versionId",
                review.get("headVersionId").asText());
    }

    @Test
    void eachItemIsDecidedOnItsOwnAndReportsItsOwnStatus() {
        String formId = WorkFixtures.form(api, null);
        JsonNode a = WorkFixtures.review(api, formId, null);
        JsonNode b = WorkFixtures.review(api, formId, null);
        JsonNode decided = WorkFixtures.review(api, formId, null);
        api.post(
                "/v1/reviews/" + decided.get("id").asText() + "/reject",
                Map.of("versionId", decided.get("headVersionId").asText(), "reason", "no"));
        Api other = server.otherAccountApi();
        JsonNode foreign = WorkFixtures.review(other, WorkFixtures.form(other, null), null);

        Api.Response bulk = api.post(
                "/v1/reviews/bulk",
                Map.of(
                        "action",
                        "approve",
                        "items",
                        List.of(
                                item(a),
                                Map.of("reviewId", b.get("id").asText(), "versionId", "0".repeat(64)),
                                item(decided),
                                item(foreign),
                                item(a))));

        assertThat(bulk.status()).isEqualTo(200);
        JsonNode results = bulk.body().get("results");
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(200, 422, 409, 404, 200);
        assertThat(results.get(0).get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(results.get(4).get("submissionStatus").asText()).isEqualTo("already_applied");
        assertThat(results.get(2).get("error").asText()).contains("rejected");
        assertThat(api.get("/v1/reviews/" + a.get("id").asText())
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("approved");
        assertThat(api.get("/v1/reviews/" + b.get("id").asText())
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("pending");
        assertThat(other.get("/v1/reviews/" + foreign.get("id").asText())
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("pending");
    }

    @Test
    void aBulkRejectNeedsAReasonAndQuorumFormsCountVotes() {
        String quorum = WorkFixtures.form(api, "{'approvals':{'required':2}}");
        JsonNode r = WorkFixtures.review(api, quorum, null);

        Api.Response noReason = api.post("/v1/reviews/bulk", Map.of("action", "reject", "items", List.of(item(r))));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(pointers(noReason)).containsExactly("/reason");

        Api.Response vote = api.post(
                "/v1/reviews/bulk", Map.of("action", "approve", "items", List.of(item(r)), "author", human("ann")));
        assertThat(vote.body().get("results").get(0).get("submissionStatus").asText())
                .isEqualTo("recorded");
    }

    @Test
    void theItemListIsOneToTwoHundredExplicitPairs() {
        List<Map<String, String>> tooMany = new ArrayList<>();
        IntStream.range(0, 201).forEach(i -> tooMany.add(Map.of("reviewId", "rev_x" + i, "versionId", "0".repeat(64))));

        assertThat(pointers(api.post("/v1/reviews/bulk", Map.of("action", "approve", "items", tooMany))))
                .containsExactly("/items");
        assertThat(pointers(api.post("/v1/reviews/bulk", Map.of("action", "approve", "items", List.of()))))
                .containsExactly("/items");
        assertThat(pointers(api.post("/v1/reviews/bulk", Map.of("action", "approve", "items", "all"))))
                .containsExactly("/items");
        assertThat(pointers(api.post(
                        "/v1/reviews/bulk",
                        Map.of("action", "approveAll", "items", List.of(Map.of("reviewId", "rev_1"))))))
                .containsExactlyInAnyOrder("/action", "/items/0/versionId");
        assertThat(pointers(api.post(
                        "/v1/reviews/bulk",
                        Map.of(
                                "action",
                                "approve",
                                "items",
                                List.of(Map.of("reviewId", "r", "versionId", "v", "x", 1))))))
                .containsExactly("/items/0/x");
    }
}
