package dev.reviewgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.reviewgate.testing.BrowserTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A state change without the session's CSRF token is refused, and a cross-site form cannot approve. */
class CsrfTest extends BrowserTest {

    @Test
    void aPostWithoutTheTokenIs403EvenWithAValidSession() throws Exception {
        String[] review = newReview();
        signIn();
        String cookie = context.cookies().stream()
                .filter(c -> c.name.equals("rg_session"))
                .findFirst()
                .orElseThrow()
                .value;
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/reviews/" + review[0] + "/approve")))
                                .header("Cookie", "rg_session=" + cookie)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "text/html")
                                .POST(HttpRequest.BodyPublishers.ofString("versionId=" + review[1]))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(status(review[0])).isEqualTo("pending");
    }

    @Test
    void aCrossSiteFormPostCannotApprove() throws Exception {
        String[] review = newReview();
        signIn();
        // IPv4 loopback by literal, on purpose: the attacker page's URL, and so its origin, says 127.0.0.1, and a
        // literal is parsed, not resolved, so there is no address to select. getLoopbackAddress() would be ::1 under
        // java.net.preferIPv6Addresses=true.
        @SuppressWarnings("AddressSelection")
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        HttpServer attacker = HttpServer.create(loopback, 0);
        String html = """
                <!doctype html><form id="f" method="post" action="%s">
                <input name="versionId" value="%s"></form>
                <script>document.getElementById('f').submit()</script>""".formatted(url("/reviews/" + review[0] + "/approve"), review[1]);
        attacker.createContext("/", ex -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        attacker.start();
        try {
            page.navigate("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
            page.waitForTimeout(1_500);
            assertThat(status(review[0])).isEqualTo("pending");
        } finally {
            attacker.stop(0);
        }
    }

    private String[] newReview() {
        api.put("/v1/forms/csrf-form", Map.of("name", "CSRF", "fields", List.of(Map.of("id", "text", "type", "text"))));
        JsonNode created = api.post("/v1/reviews", Map.of("formId", "csrf-form", "fields", Map.of("text", "x")))
                .body();
        return new String[] {
            created.get("reviewId").asText(), created.get("versionId").asText()
        };
    }

    private String status(String reviewId) {
        return api.get("/v1/reviews/" + reviewId).body().get("status").asText();
    }
}
