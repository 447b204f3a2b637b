package dev.reviewgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.NodeScripts;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * request_permission answers in Claude Code's permission-prompt format and fails closed; ask_human
 * returns the answer a reviewer typed. Each is decided through Reviewgate's own API while the
 * official TypeScript client waits.
 */
class McpGatesTest extends ApiTest {

    private McpClient mcp;

    @Override
    protected void setUp() {
        mcp = McpClient.of(server);
    }

    @Test
    void anApprovedEditOfTheInputIsAllowedWithExactlyThatInput() throws Exception {
        String toolUseId = "toolu_" + UUID.randomUUID();
        NodeScripts.Running waiting = mcp.start(
                "request_permission",
                Map.of(
                        "tool_name",
                        "Bash",
                        "input",
                        Map.of("command", "rm -rf /tmp/build", "description", "Clean the build"),
                        "tool_use_id",
                        toolUseId,
                        "timeoutSeconds",
                        60));
        JsonNode review = McpClient.awaitOpenReview(
                api, "tool-call", r -> toolUseId.equals(r.at("/meta/toolUseId").asText()));
        assertThat(review.get("title").asText()).isEqualTo("Allow Bash?");
        String head = review.get("headVersionId").asText();
        JsonNode shown = review.at("/versionsById/" + head + "/snapshot");
        assertThat(shown.get("tool").asText()).isEqualTo("Bash");

        JsonNode edited = Fixtures.json(
                "{'command':'rm -rf /tmp/build/cache','description':'Clean the cache only','flags':[1,2.5,null]}");
        JsonNode snapshot = shown.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) snapshot).set("input", edited);
        String editedId = api.post(
                        "/v1/reviews/" + review.get("id").asText() + "/versions",
                        Map.of("parentId", head, "snapshot", snapshot, "origin", "human_edit"))
                .body()
                .get("versionId")
                .asText();
        api.post("/v1/reviews/" + review.get("id").asText() + "/approve", Map.of("versionId", editedId));

        JsonNode result = McpClient.result(waiting.json());
        assertThat(result.get("isError").asBoolean()).isFalse();
        JsonNode answer = McpClient.textJson(result);
        assertThat(answer.get("behavior").asText()).isEqualTo("allow");
        assertThat(answer.get("updatedInput")).isEqualTo(edited);
    }

    @Test
    void aRejectionIsADenyWithTheReason() throws Exception {
        String toolUseId = "toolu_" + UUID.randomUUID();
        NodeScripts.Running waiting = mcp.start(
                "request_permission",
                Map.of("tool_name", "Write", "input", Map.of("file_path", "/etc/hosts"), "tool_use_id", toolUseId));
        JsonNode review = McpClient.awaitOpenReview(
                api, "tool-call", r -> toolUseId.equals(r.at("/meta/toolUseId").asText()));
        api.post(
                "/v1/reviews/" + review.get("id").asText() + "/reject",
                Map.of("versionId", review.get("headVersionId").asText(), "reason", "Not on this machine."));

        JsonNode answer = McpClient.textJson(McpClient.result(waiting.json()));
        assertThat(answer.get("behavior").asText()).isEqualTo("deny");
        assertThat(answer.get("message").asText()).contains("Not on this machine.");
        assertThat(answer.has("updatedInput")).isFalse();
    }

    @Test
    void noDecisionInTimeIsADenyWithTheLinkAndTheReviewStaysOpen() {
        JsonNode result = McpClient.result(mcp.call(
                "request_permission",
                Map.of("tool_name", "WebFetch", "input", Map.of("url", "https://example.com"), "timeoutSeconds", 1)));

        JsonNode answer = McpClient.textJson(result);
        assertThat(answer.get("behavior").asText()).isEqualTo("deny");
        String message = answer.get("message").asText();
        assertThat(message).contains(server.baseUrl() + "/reviews/rev_");
        String reviewId = message.substring(message.indexOf("/reviews/") + "/reviews/".length());
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText())
                .isEqualTo("pending");
    }

    @Test
    void askHumanReturnsTheAnswerTheReviewerApproved() throws Exception {
        String question = "Deploy " + UUID.randomUUID() + " to production now?";
        NodeScripts.Running waiting = mcp.start("ask_human", Map.of("question", question, "timeoutSeconds", 60));
        JsonNode review = McpClient.awaitOpenReview(
                api, "question", r -> question.equals(r.get("title").asText()));
        String head = review.get("headVersionId").asText();
        assertThat(review.at("/versionsById/" + head + "/snapshot/answer").asText())
                .isEmpty();
        JsonNode answered = Json.object().put("question", question).put("answer", "Yes, after 18:00.");
        String answeredId = api.post(
                        "/v1/reviews/" + review.get("id").asText() + "/versions",
                        Map.of("parentId", head, "snapshot", answered))
                .body()
                .get("versionId")
                .asText();
        api.post("/v1/reviews/" + review.get("id").asText() + "/approve", Map.of("versionId", answeredId));

        JsonNode result = McpClient.result(waiting.json());
        assertThat(result.at("/content/0/text").asText()).isEqualTo("Yes, after 18:00.");
        assertThat(result.at("/structuredContent/answered").asBoolean()).isTrue();
    }

    @Test
    void anUnansweredQuestionSaysSoWithTheLink() {
        JsonNode result =
                McpClient.result(mcp.call("ask_human", Map.of("question", "Which region?", "timeoutSeconds", 0)));

        assertThat(result.get("isError").asBoolean()).isFalse();
        assertThat(result.at("/content/0/text").asText())
                .startsWith("Not answered yet")
                .contains(server.baseUrl() + "/reviews/rev_");
    }

    @Test
    void theBuiltInFormsAreInEveryAccountIncludingNewOnes() {
        var other = server.otherAccountApi();
        for (var client : java.util.List.of(api, other)) {
            assertThat(client.get("/v1/forms/tool-call").status()).isEqualTo(200);
            assertThat(client.get("/v1/forms/question")
                            .body()
                            .at("/fields/1/id")
                            .asText())
                    .isEqualTo("answer");
        }
    }
}
