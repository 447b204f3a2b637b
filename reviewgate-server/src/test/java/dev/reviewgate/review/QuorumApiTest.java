package dev.reviewgate.review;

import static dev.reviewgate.review.WorkFixtures.approval;
import static dev.reviewgate.review.WorkFixtures.eventNames;
import static dev.reviewgate.review.WorkFixtures.human;
import static dev.reviewgate.review.WorkFixtures.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code approvals.required}: votes by distinct people on one version, a veto, and exactly one decision. */
class QuorumApiTest extends ApiTest {

    private String quorumOf(int required) {
        return WorkFixtures.form(api, "{'approvals':{'required':" + required + "}}");
    }

    @Test
    void votesAreRecordedUntilTheQuorumOnOneVersionDecides() {
        JsonNode review = WorkFixtures.review(api, quorumOf(2), null);
        String id = review.get("id").asText();
        String v1 = review.get("headVersionId").asText();

        Api.Response first = api.post("/v1/reviews/" + id + "/approve", approval(v1, "ann"));
        assertThat(first.body().get("submissionStatus").asText()).isEqualTo("recorded");
        assertThat(first.body().get("review").get("status").asText()).isEqualTo("pending");
        assertThat(first.body().get("review").get("votes")).hasSize(1);

        Api.Response again = api.post("/v1/reviews/" + id + "/approve", approval(v1, "ann"));
        assertThat(again.body().get("submissionStatus").asText()).isEqualTo("already_applied");

        Api.Response second = api.post("/v1/reviews/" + id + "/approve", approval(v1, "bob"));
        assertThat(second.body().get("submissionStatus").asText()).isEqualTo("applied");
        JsonNode decision = second.body().get("review").get("decision");
        assertThat(decision.get("verdict").asText()).isEqualTo("approved");
        assertThat(decision.get("via").asText()).isEqualTo("api");
        assertThat(decision.get("votes"))
                .extracting(v -> v.get("decidedBy").get("id").asText())
                .containsExactly("ann", "bob");
        assertThat(eventNames(api, id))
                .containsExactly("review.created", "review.voted", "review.voted", "review.approved");
        assertThat(api.get("/v1/reviews/" + id + "/events")
                        .body()
                        .get("data")
                        .get(1)
                        .get("via")
                        .asText())
                .isEqualTo("api");
    }

    @Test
    void aVoteNeedsAPersonAndAnyRejectVetoesAtOnce() {
        JsonNode review = WorkFixtures.review(api, quorumOf(3), null);
        String id = review.get("id").asText();
        String v1 = review.get("headVersionId").asText();

        Api.Response agent = api.post("/v1/reviews/" + id + "/approve", Map.of("versionId", v1));
        assertThat(agent.status()).isEqualTo(422);
        assertThat(pointers(agent)).containsExactly("/author");

        api.post("/v1/reviews/" + id + "/approve", approval(v1, "ann"));
        Api.Response veto = api.post(
                "/v1/reviews/" + id + "/reject", Map.of("versionId", v1, "reason", "no", "author", human("cy")));

        assertThat(veto.body().get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(veto.body().get("review").get("decision").get("verdict").asText())
                .isEqualTo("rejected");
        assertThat(api.post("/v1/reviews/" + id + "/approve", approval(v1, "bob"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aNewVersionVoidsEarlierVotes() {
        JsonNode review = WorkFixtures.review(api, quorumOf(2), null);
        String id = review.get("id").asText();
        String v1 = review.get("headVersionId").asText();
        api.post("/v1/reviews/" + id + "/approve", approval(v1, "ann"));
        String v2 = api.post(
                        "/v1/reviews/" + id + "/versions",
                        Map.of(
                                "parentId",
                                v1,
                                "snapshot",
                                Fixtures.blogFields("An edited post", "https://cdn.example.com/a.jpg")))
                .body()
                .get("versionId")
                .asText();

        Api.Response onNew = api.post("/v1/reviews/" + id + "/approve", approval(v2, "bob"));
        assertThat(onNew.body().get("submissionStatus").asText())
                .as("ann's vote was on v1")
                .isEqualTo("recorded");
        Api.Response lateOnOld = api.post("/v1/reviews/" + id + "/approve", approval(v1, "cy"));
        assertThat(lateOnOld.body().get("submissionStatus").asText())
                .as("two votes on a voided version do not decide")
                .isEqualTo("recorded");
        Api.Response decides = api.post("/v1/reviews/" + id + "/approve", approval(v2, "ann"));
        assertThat(decides.body().get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(decides.body().get("review").get("decision").get("versionId").asText())
                .isEqualTo(v2);
        assertThat(decides.body().get("review").get("votes"))
                .as("earlier votes stay listed with their version")
                .extracting(v -> v.get("versionId").asText())
                .containsExactlyInAnyOrder(v1, v2, v1, v2);
    }

    @Test
    void twentyConcurrentVotersWithRequiredThreeMakeExactlyOneDecision() {
        JsonNode review = WorkFixtures.review(api, quorumOf(3), null);
        String id = review.get("id").asText();
        String v1 = review.get("headVersionId").asText();

        List<Api.Response> answers =
                Concurrently.run(20, i -> api.post("/v1/reviews/" + id + "/approve", approval(v1, "voter-" + i)));

        assertThat(answers).extracting(Api.Response::status).containsOnly(200);
        List<String> statuses = answers.stream()
                .map(a -> a.body().get("submissionStatus").asText())
                .toList();
        assertThat(statuses).filteredOn("applied"::equals).hasSize(1);
        assertThat(statuses).filteredOn("recorded"::equals).hasSize(2);
        assertThat(statuses).filteredOn("already_applied"::equals).hasSize(17);
        JsonNode decided = api.get("/v1/reviews/" + id).body();
        assertThat(decided.get("decision").get("votes")).hasSize(3);
        assertThat(decided.get("votes")).hasSize(3);
        long decisions = server.app()
                .database()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM decisions WHERE review_id = :r")
                        .bind("r", id)
                        .mapTo(Long.class)
                        .one());
        assertThat(decisions).isEqualTo(1);
        assertThat(eventNames(api, id)).filteredOn("review.approved"::equals).hasSize(1);
        assertThat(eventNames(api, id)).filteredOn("review.voted"::equals).hasSize(3);
    }

    @Test
    void requiredIsOneToTen() {
        for (Object required : List.of(0, 11, "2", 2.5)) {
            Api.Response refused = api.post(
                    "/v1/forms",
                    Json.object()
                            .put("id", WorkFixtures.unique("q"))
                            .put("name", "Q")
                            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                                    "fields", Json.parse("[{\"id\":\"note\",\"type\":\"text\"}]"))
                            .set("approvals", Json.toTree(Map.of("required", required))));
            assertThat(refused.status()).as("required %s", required).isEqualTo(422);
            assertThat(pointers(refused)).containsExactly("/approvals/required");
        }
    }
}
