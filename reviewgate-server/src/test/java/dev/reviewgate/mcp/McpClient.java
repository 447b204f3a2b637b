package dev.reviewgate.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.NodeScripts;
import dev.reviewgate.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The official MCP TypeScript SDK ({@code src/test/node/mcp-client.mjs}) pointed at the server: each
 * call is one process that connects (initialize), runs its tool calls and prints what it saw.
 */
final class McpClient {

    private final String url;
    private final String key;
    private final Map<String, String> headers;

    McpClient(String url, String key, Map<String, String> headers) {
        this.url = url;
        this.key = key;
        this.headers = headers;
    }

    static McpClient of(TestServer server) {
        return new McpClient(server.baseUrl() + "/mcp", TestServer.API_KEY, Map.of());
    }

    McpClient withKey(String otherKey) {
        return new McpClient(url, otherKey, headers);
    }

    McpClient withHeaders(Map<String, String> more) {
        return new McpClient(url, key, more);
    }

    /** Connects and lists the tools. */
    JsonNode connect() {
        ObjectNode plan = plan();
        plan.put("listTools", true);
        return NodeScripts.node("mcp-client.mjs", Json.write(plan)).json();
    }

    /** Connects and calls one tool; the whole output (with {@code results[0]}, or {@code error}). */
    JsonNode call(String tool, Object arguments) {
        return start(tool, arguments).json();
    }

    /** Starts a process that calls one tool, to act while it waits. */
    NodeScripts.Running start(String tool, Object arguments) {
        ObjectNode plan = plan();
        ArrayNode calls = plan.putArray("calls");
        calls.addObject().put("name", tool).set("arguments", Json.toTree(arguments));
        return NodeScripts.node("mcp-client.mjs", Json.write(plan));
    }

    /** The one tool result of {@link #call}; fails with the client's error if it had none. */
    static JsonNode result(JsonNode output) {
        if (output.has("error")) {
            throw new AssertionError("the MCP client failed: " + output.get("error"));
        }
        return output.at("/results/0");
    }

    /** The JSON of a result's first text content. */
    static JsonNode textJson(JsonNode result) {
        return Json.parse(result.at("/content/0/text").asText());
    }

    private ObjectNode plan() {
        ObjectNode plan = Json.object().put("url", url).put("key", key);
        plan.set("headers", Json.toTree(headers));
        return plan;
    }

    /** Polls the queue until an open review of {@code formId} matches (the waiting process opened it). */
    static JsonNode awaitOpenReview(Api api, String formId, Predicate<JsonNode> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode r : api.get("/v1/reviews?status=open&limit=200&formId=" + formId)
                    .body()
                    .get("data")) {
                if (which.test(r)) {
                    return api.get("/v1/reviews/" + r.get("id").asText()).body();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no open " + formId + " review appeared");
    }
}
