package dev.reviewgate.humanlayer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.NodeScripts;
import dev.reviewgate.testing.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * HumanLayer's real TypeScript SDK ({@code @humanlayer/sdk}) pointed at {@code /humanlayer/v1}:
 * each request it makes is an ordinary review, decided through Reviewgate's own API.
 */
class HumanLayerSdkTest extends ApiTest {

    @Test
    void requireApprovalRunsTheFunctionOnceAReviewerApproves() {
        String callId = UUID.randomUUID().toString();
        NodeScripts.Running agent = sdk(Map.of(
                "action",
                "requireApproval",
                "callId",
                callId,
                "kwargs",
                Map.of("to", "ops@example.com", "subject", "Quarterly numbers")));
        JsonNode review = awaitReview("humanlayer-function-calls", "call-" + callId);
        String head = review.get("headVersionId").asText();
        assertThat(review.get("formId").asText()).isEqualTo("tool-call");
        assertThat(review.at("/versionsById/" + head + "/snapshot/tool").asText())
                .isEqualTo("send_email");
        assertThat(review.at("/versionsById/" + head + "/snapshot/input/to").asText())
                .isEqualTo("ops@example.com");

        api.post("/v1/reviews/" + review.get("id").asText() + "/approve", Map.of("versionId", head));

        assertThat(agent.json().get("result").asText()).isEqualTo("sent \"Quarterly numbers\" to ops@example.com");
    }

    @Test
    void aRejectionReachesTheAgentWithItsComment() {
        String callId = UUID.randomUUID().toString();
        NodeScripts.Running agent = sdk(Map.of(
                "action",
                "requireApproval",
                "callId",
                callId,
                "kwargs",
                Map.of("to", "everyone@example.com", "subject", "Hello")));
        JsonNode review = awaitReview("humanlayer-function-calls", "call-" + callId);

        api.post(
                "/v1/reviews/" + review.get("id").asText() + "/reject",
                Map.of("versionId", review.get("headVersionId").asText(), "reason", "Use the staging list."));

        assertThat(agent.json().get("result").asText())
                .isEqualTo("User denied function send_email with comment: Use the staging list.");
    }

    @Test
    void humanAsToolReturnsTheReviewersAnswer() {
        String callId = UUID.randomUUID().toString();
        NodeScripts.Running agent =
                sdk(Map.of("action", "humanAsTool", "callId", callId, "message", "Which warehouse ships order 7?"));
        JsonNode review = awaitReview("humanlayer-human-contacts", "human_call-" + callId);
        assertThat(review.get("formId").asText()).isEqualTo("question");
        String head = review.get("headVersionId").asText();
        JsonNode answered =
                Json.object().put("question", "Which warehouse ships order 7?").put("answer", "Rotterdam.");
        String answeredId = api.post(
                        "/v1/reviews/" + review.get("id").asText() + "/versions",
                        Map.of("parentId", head, "snapshot", answered))
                .body()
                .get("versionId")
                .asText();
        api.post("/v1/reviews/" + review.get("id").asText() + "/approve", Map.of("versionId", answeredId));

        assertThat(agent.json().get("result").asText()).isEqualTo("Rotterdam.");
    }

    private NodeScripts.Running sdk(Map<String, Object> plan) {
        Map<String, Object> full = new java.util.HashMap<>(plan);
        full.put("apiBaseUrl", server.baseUrl() + "/humanlayer/v1");
        full.put("apiKey", TestServer.API_KEY);
        full.put("runId", "run-" + plan.get("callId"));
        return NodeScripts.node("humanlayer-client.mjs", Json.write(full));
    }

    private JsonNode awaitReview(String runId, String blockId) {
        JsonNode waited = api.get(
                        "/v1/runs/" + runId + "/blocks/" + blockId + "/review/wait?for=awaiting&timeoutSeconds=30")
                .body();
        assertThat(waited.get("ready").asBoolean()).as("%s", waited).isTrue();
        return waited.get("review");
    }
}
