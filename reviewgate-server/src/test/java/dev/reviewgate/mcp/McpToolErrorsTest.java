package dev.reviewgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad arguments to any tool come back as tool errors ({@code isError}) carrying the same problem,
 * with pointers, that the REST route answers; never a 5xx. Other accounts' reviews are not found.
 */
class McpToolErrorsTest extends ApiTest {

    private McpClient mcp;

    @Override
    protected void setUp() {
        mcp = McpClient.of(server);
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void anUnknownFormIsA422ToolErrorPointingAtIt() {
        JsonNode result = McpClient.result(
                mcp.call("request_review", Map.of("formId", "no-such-form", "fields", Map.of("blog", "x"))));

        assertThat(result.get("isError").asBoolean()).isTrue();
        JsonNode problem = McpClient.textJson(result);
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("/formId");
    }

    @Test
    void fieldsThatDoNotFitTheFormAreTheRestApisPointers() {
        JsonNode result = McpClient.result(mcp.call(
                "request_review", Map.of("formId", "blog-review", "fields", Map.of("blog", 42, "extra", true))));

        JsonNode problem = McpClient.textJson(result);
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains("/fields/blog");
    }

    @Test
    void argumentsOutsideTheSchemaAreToolErrors() {
        for (var call : List.of(
                Map.of(
                        "tool",
                        "request_review",
                        "arguments",
                        Map.of("formId", "blog-review", "fields", "not an object")),
                Map.of(
                        "tool",
                        "request_review",
                        "arguments",
                        Map.of("formId", "blog-review", "fields", Map.of(), "bogus", 1)),
                Map.of("tool", "wait_for_decision", "arguments", Map.of("reviewId", "rev_x", "timeoutSeconds", 600)),
                Map.of("tool", "get_review", "arguments", Map.of("runId", "only-a-run")),
                Map.of("tool", "ask_human", "arguments", Map.of()),
                Map.of("tool", "request_permission", "arguments", Map.of("tool_name", "Bash", "input", "ls")),
                Map.of("tool", "list_reviews", "arguments", Map.of("cursor", "garbage!")),
                Map.of("tool", "reject", "arguments", Map.of("reviewId", "rev_x", "versionId", "v", "reason", "")))) {
            JsonNode result = McpClient.result(mcp.call((String) call.get("tool"), call.get("arguments")));
            assertThat(result.get("isError").asBoolean()).as("%s", call).isTrue();
        }
    }

    @Test
    void anotherAccountsReviewIsNotFound() {
        String reviewId = api.post(
                        "/v1/reviews", Map.of("formId", "blog-review", "fields", Fixtures.blogFields("Mine")))
                .body()
                .get("reviewId")
                .asText();
        McpClient other = mcp.withKey(server.newAccount().api().key());

        JsonNode result = McpClient.result(other.call("get_review", Map.of("reviewId", reviewId)));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.textJson(result).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aDecidedReviewIsA409CarryingTheDecision() {
        JsonNode created = api.post(
                        "/v1/reviews", Map.of("formId", "blog-review", "fields", Fixtures.blogFields("Once")))
                .body();
        String reviewId = created.get("reviewId").asText();
        String versionId = created.get("versionId").asText();
        JsonNode approved = McpClient.result(mcp.call("approve", Map.of("reviewId", reviewId, "versionId", versionId)));
        assertThat(McpClient.textJson(approved).get("submissionStatus").asText())
                .isEqualTo("applied");

        JsonNode rejected = McpClient.result(
                mcp.call("reject", Map.of("reviewId", reviewId, "versionId", versionId, "reason", "Too late")));

        assertThat(rejected.get("isError").asBoolean()).isTrue();
        assertThat(McpClient.textJson(rejected).at("/decision/verdict").asText())
                .isEqualTo("approved");
    }

    @Test
    void malformedCallsAreNeverA5xx() throws Exception {
        for (String body : List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_review\",\"arguments\":5}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":5}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such/method\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"request_review\","
                        + "\"arguments\":{\"formId\":\"blog-review\",\"fields\":{\"blog\":1e400}}}}",
                "not json at all",
                "[]")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .header("Authorization", "Bearer " + TestServer.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(body).isLessThan(500);
                if (response.statusCode() == 200 && body.contains("request_review")) {
                    assertThat(Json.parse(response.body()).at("/result/isError").asBoolean())
                            .isTrue();
                }
            }
        }
    }
}
