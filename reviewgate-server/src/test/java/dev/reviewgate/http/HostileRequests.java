package dev.reviewgate.http;

import dev.reviewgate.testing.RawHttp;
import dev.reviewgate.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends a request however broken it is: with the JDK's client when it agrees to, over a raw socket
 * when it refuses the URI or a header (a bad %-escape, {@code Host}, {@code Content-Length}).
 */
final class HostileRequests {

    /** One request; {@code method} RAW sends {@code target} as the whole request head. */
    // Test data, never compared or hashed as records: the array is the payload as sent.
    @SuppressWarnings("ArrayRecordComponent")
    record Probe(String method, String route, String target, List<String[]> headers, byte[] body, String label) {}

    /** What came back; {@code status} 0 when the server answered nothing. */
    record Outcome(int status, String contentType, String body, String error) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final TestServer server;

    HostileRequests(TestServer server) {
        this.server = server;
    }

    Outcome send(Probe probe) {
        if (probe.method().equals("RAW")) {
            return raw(probe.target() + "\r\nConnection: close", new byte[0]);
        }
        Optional<HttpRequest> request = httpClientRequest(probe);
        if (request.isEmpty()) {
            StringBuilder head = new StringBuilder(probe.method() + " " + probe.target() + " HTTP/1.1");
            probe.headers()
                    .forEach(h -> head.append("\r\n").append(h[0]).append(": ").append(h[1]));
            head.append("\r\nConnection: close");
            return raw(head.toString(), probe.body());
        }
        try {
            return exchange(http, request.get());
        } catch (IOException pooled) {
            // A reused keep-alive connection can fail on the client's side of the pool; the answer
            // is what counts here, so the probe is sent once more on a connection of its own. A
            // second failure is the server's and is reported. (Framing on one connection has its
            // own raw-socket tests: OversizedBodyTest, MalformedUriTest, ExactCredentialsTest.)
            try (HttpClient fresh = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()) {
                return exchange(fresh, request.get());
            } catch (IOException e) {
                return new Outcome(0, null, "", e + " (first try: " + pooled + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Outcome exchange(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Outcome(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body(),
                null);
    }

    /** The request as the JDK client would send it, or empty when it refuses. */
    private Optional<HttpRequest> httpClientRequest(Probe probe) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + probe.target()))
                    .timeout(Duration.ofSeconds(20))
                    .method(
                            probe.method(),
                            probe.body().length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            for (String[] header : probe.headers()) {
                builder.header(header[0], header[1]);
            }
            return Optional.of(builder.build());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Outcome raw(String head, byte[] body) {
        try (RawHttp connection = RawHttp.connect(server)) {
            RawHttp.Response response = connection.exchange(head, body);
            return new Outcome(response.status(), response.header("content-type"), response.body(), null);
        } catch (UncheckedIOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return new Outcome(0, null, "", e.toString());
        }
    }
}
