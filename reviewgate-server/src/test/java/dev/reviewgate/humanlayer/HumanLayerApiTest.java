package dev.reviewgate.humanlayer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HumanLayer-compatible routes' own rules: the client's call_id, idempotency, and the agent-side answers. */
class HumanLayerApiTest extends ApiTest {

    private static JsonNode call(String callId, String to) {
        return Fixtures.json("{'run_id':'run-1','call_id':'" + callId + "','spec':{'fn':'send_email','kwargs':{'to':'"
                + to + "'}}}");
    }

    @Test
    void aRepeatWithTheSameBodyIsTheSameCallAndAnotherBodyIsA409() {
        var first = api.post("/humanlayer/v1/function_calls", call("same-1", "a@example.com"));
        var again = api.post("/humanlayer/v1/function_calls", call("same-1", "a@example.com"));
        var other = api.post("/humanlayer/v1/function_calls", call("same-1", "b@example.com"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("call_id").asText()).isEqualTo("same-1");
        assertThat(first.body().at("/status/approved").isNull()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(409);
        assertThat(api.get("/v1/reviews?status=all&runId=humanlayer-function-calls&blockId=same-1")
                        .body()
                        .get("data"))
                .hasSize(1);
    }

    @Test
    void concurrentRepeatsOfOneCallOpenOneReviewAndAllAnswerIt() {
        List<Api.Response> responses =
                Concurrently.run(8, i -> api.post("/humanlayer/v1/function_calls", call("race-1", "a@example.com")));

        assertThat(responses).extracting(Api.Response::status).containsOnly(200);
        assertThat(responses)
                .extracting(Api.Response::body)
                .containsOnly(responses.get(0).body());
        assertThat(api.get("/v1/reviews?status=all&runId=humanlayer-function-calls&blockId=race-1")
                        .body()
                        .get("data"))
                .hasSize(1);
    }

    @Test
    void theAgentSideRespondRoutesDecide() {
        api.post("/humanlayer/v1/function_calls", call("respond-1", "a@example.com"));
        var denied = api.post(
                "/humanlayer/v1/agent/function_calls/respond-1/respond", Map.of("approved", false, "comment", "No."));
        assertThat(denied.body().at("/status/approved").asBoolean()).isFalse();
        assertThat(denied.body().at("/status/comment").asText()).isEqualTo("No.");
        assertThat(api.get("/humanlayer/v1/function_calls/respond-1")
                        .body()
                        .at("/status/responded_at")
                        .isTextual())
                .isTrue();

        api.post(
                "/humanlayer/v1/contact_requests",
                Fixtures.json("{'run_id':'run-2','call_id':'ask-1','spec':{'msg':'Ship it?'}}"));
        assertThat(api.get("/humanlayer/v1/contact_requests/ask-1")
                        .body()
                        .at("/status/response")
                        .isNull())
                .isTrue();
        var answered = api.post("/humanlayer/v1/agent/human_contacts/ask-1/respond", Map.of("response", "Yes."));
        assertThat(answered.body().at("/status/response").asText()).isEqualTo("Yes.");
    }

    @Test
    void unknownCallsAreNotFoundAndBadBodiesAre422() {
        assertThat(api.get("/humanlayer/v1/function_calls/nope").status()).isEqualTo(404);
        assertThat(api.post("/humanlayer/v1/function_calls", Map.of("spec", Map.of("fn", "x")))
                        .status())
                .isEqualTo(422);
        assertThat(api.withKey(null).get("/humanlayer/v1/function_calls/nope").status())
                .isEqualTo(401);
        api.post("/humanlayer/v1/function_calls", call("mine-1", "a@example.com"));
        assertThat(server.otherAccountApi()
                        .get("/humanlayer/v1/function_calls/mine-1")
                        .status())
                .isEqualTo(404);
    }
}
