package dev.reviewgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may reach /mcp: a valid key on every request, the public URL's origin, and no sessions. */
class McpAccessTest extends ApiTest {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
             "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    @Test
    void withoutAKeyTheClientIsRefused() {
        JsonNode connected = McpClient.of(server).withKey(null).connect();

        assertThat(connected.has("error")).isTrue();
        assertThat(connected.at("/error/message").asText()).contains("401");
    }

    @Test
    void aRevokedOrUnknownKeyIsRefused() {
        JsonNode connected = McpClient.of(server)
                .withKey("rg_not_a_key_of_this_server_000000")
                .connect();

        assertThat(connected.at("/error/message").asText()).contains("401");
    }

    @Test
    void aForeignOriginIsForbidden() {
        JsonNode connected = McpClient.of(server)
                .withHeaders(Map.of("Origin", "http://evil.example"))
                .connect();

        assertThat(connected.at("/error/message").asText()).contains("403");
    }

    @Test
    void theServerSendsNoSessionIdAndAnswersAnyRequestOnItsOwn() throws Exception {
        HttpResponse<String> initialized = post(INITIALIZE, TestServer.API_KEY, null);
        assertThat(initialized.statusCode()).isEqualTo(200);
        assertThat(initialized.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(initialized.body()).contains("\"protocolVersion\":\"2025-11-25\"");

        // No initialize on this connection's "session": stateless, so tools/list is answered anyway.
        HttpResponse<String> listed =
                post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", TestServer.API_KEY, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("request_permission");
    }

    @Test
    void theSameOriginIsAccepted() throws Exception {
        assertThat(post(INITIALIZE, TestServer.API_KEY, server.baseUrl()).statusCode())
                .isEqualTo(200);
        assertThat(post(INITIALIZE, TestServer.API_KEY, "http://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(post(INITIALIZE, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void mcpRequestsAreCountedInTheMetrics() throws Exception {
        post(INITIALIZE, TestServer.API_KEY, null);
        post(INITIALIZE, null, null);

        String metrics = api.get("/metrics").text();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/mcp\",status=\"200\"");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/mcp\",status=\"401\"");
    }

    private HttpResponse<String> post(String body, String key, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
