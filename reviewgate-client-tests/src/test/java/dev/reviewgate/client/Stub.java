package dev.reviewgate.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a local port whose answers a test scripts: it stands in for what our own
 * server does not do (rate limiting) or for a network that loses answers (a proxy that forwards a
 * request and then answers 503 in its place).
 */
final class Stub implements AutoCloseable {

    /** One request as received. */
    record Seen(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers, String body) {}

    /** Decides the answer to request number {@code index} (0-based). */
    interface Script {
        Answer answer(int index, Seen request) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Script script;

    Stub(Script script) {
        this.script = script;
        // IPv4 loopback by literal, on purpose: url() says 127.0.0.1, and a literal is parsed, not resolved, so there
        // is no address to select. getLoopbackAddress() would be ::1 under java.net.preferIPv6Addresses=true.
        @SuppressWarnings("AddressSelection")
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        try {
            server = HttpServer.create(loopback, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Sends {@code request} on to {@code baseUrl} and returns the real answer. */
    static Answer forward(String baseUrl, Seen request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .method(
                        request.method(),
                        request.body().isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request.body()));
        for (String name : List.of("Authorization", "Content-Type", "Idempotency-Key")) {
            if (request.header(name) != null) {
                b.header(name, request.header(name));
            }
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    r.statusCode(),
                    Map.of(
                            "Content-Type",
                            r.headers().firstValue("Content-Type").orElse("application/json")),
                    r.body());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen request = new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()),
                body);
        int index = seen.size();
        seen.add(request);
        Answer answer;
        try {
            answer = script.answer(index, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(500, Map.of(), "");
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
