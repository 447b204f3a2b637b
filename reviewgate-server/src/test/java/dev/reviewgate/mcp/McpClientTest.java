package dev.reviewgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MCP server driven by the official TypeScript client: it connects (negotiating 2025-11-25,
 * stateless), lists the tools, opens a review and waits for its decision.
 */
class McpClientTest extends ApiTest {

    private McpClient mcp;

    @Override
    protected void setUp() {
        mcp = McpClient.of(server);
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void initializeNegotiatesTheLatestProtocolWithoutASession() {
        JsonNode connected = mcp.connect();

        assertThat(connected.has("error")).as("%s", connected).isFalse();
        assertThat(connected.get("protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(connected.get("sessionId").isNull()).isTrue();
        assertThat(connected.at("/serverInfo/name").asText()).isEqualTo("reviewgate");
    }

    @Test
    void everyToolHasAnInputSchemaAndAnnotations() {
        JsonNode tools = mcp.connect().get("tools");

        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.get("name").asText()));
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "list_forms",
                        "get_form_schema",
                        "request_review",
                        "get_review",
                        "list_reviews",
                        "wait_for_decision",
                        "append_version",
                        "approve",
                        "reject",
                        "request_permission",
                        "ask_human");
        for (JsonNode tool : tools) {
            assertThat(tool.at("/inputSchema/type").asText())
                    .as(tool.get("name").asText())
                    .isEqualTo("object");
            assertThat(tool.at("/annotations/readOnlyHint").isBoolean()).isTrue();
            assertThat(tool.at("/annotations/destructiveHint").isBoolean()).isTrue();
        }
        assertThat(annotation(tools, "approve", "destructiveHint")).isTrue();
        assertThat(annotation(tools, "reject", "destructiveHint")).isTrue();
        assertThat(annotation(tools, "get_review", "readOnlyHint")).isTrue();
        assertThat(annotation(tools, "request_review", "readOnlyHint")).isFalse();
    }

    @Test
    void requestReviewThenWaitBeforeAndAfterTheApproval() {
        JsonNode created = McpClient.result(mcp.call(
                "request_review",
                Map.of(
                        "formId", "blog-review",
                        "fields", Fixtures.blogFields("Sourdough, in ten steps.", "https://cdn.example.com/a.jpg"),
                        "meta", Map.of("postId", 42))));
        assertThat(created.get("isError").asBoolean()).isFalse();
        JsonNode review = McpClient.textJson(created);
        String reviewId = review.get("reviewId").asText();
        assertThat(review.get("status").asText()).isEqualTo("pending");
        assertThat(review.get("link").asText()).isEqualTo(server.baseUrl() + "/reviews/" + reviewId);
        assertThat(created.at("/structuredContent/versionId").asText())
                .isEqualTo(review.get("versionId").asText());

        JsonNode before = McpClient.textJson(
                McpClient.result(mcp.call("wait_for_decision", Map.of("reviewId", reviewId, "timeoutSeconds", 1))));
        assertThat(before.get("ready").asBoolean()).isFalse();
        assertThat(before.at("/review/status").asText()).isEqualTo("pending");

        api.post(
                "/v1/reviews/" + reviewId + "/approve",
                Map.of("versionId", review.get("versionId").asText()));
        JsonNode after = McpClient.textJson(
                McpClient.result(mcp.call("wait_for_decision", Map.of("reviewId", reviewId, "timeoutSeconds", 30))));
        assertThat(after.get("ready").asBoolean()).isTrue();
        assertThat(after.at("/review/decision/verdict").asText()).isEqualTo("approved");
        assertThat(after.at("/review/meta/postId").asInt()).isEqualTo(42);
    }

    private static boolean annotation(JsonNode tools, String name, String hint) {
        for (JsonNode tool : tools) {
            if (tool.get("name").asText().equals(name)) {
                return tool.at("/annotations/" + hint).asBoolean();
            }
        }
        throw new AssertionError("no tool " + name);
    }
}
