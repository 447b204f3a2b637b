package dev.reviewgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reviewgate.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real webhook receiver on a local port whose answers are scripted in order (200 when the script
 * is empty): a status, optional headers and body, or a delay longer than the sender's timeout.
 */
public final class Receiver implements AutoCloseable {

    /** One scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, Map.of(), "", Duration.ZERO);
        }

        public static Answer slow(Duration delay) {
            return new Answer(200, Map.of(), "", delay);
        }
    }

    /** A request as received: the three Standard Webhooks headers and the raw body. */
    public record Received(
            String id, String timestamp, String signature, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            return Json.parse(body);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public Receiver() throws IOException {
        // IPv4 loopback by literal, on purpose: url() and the tests' webhook allow-list (127.0.0.1/32) say 127.0.0.1,
        // and a literal is parsed, not resolved, so there is no address to select. getLoopbackAddress() would be ::1
        // under java.net.preferIPv6Addresses=true.
        @SuppressWarnings("AddressSelection")
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        server = HttpServer.create(loopback, 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void then(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits up to 10 s for a request matching {@code test}. */
    public Received await(Predicate<Received> test) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (Received r : received) {
                if (test.test(r)) {
                    return r;
                }
            }
            sleep(20);
        }
        throw new AssertionError("no matching webhook arrived; received " + received.size());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var h = exchange.getRequestHeaders();
        received.add(new Received(
                h.getFirst("webhook-id"),
                h.getFirst("webhook-timestamp"),
                h.getFirst("webhook-signature"),
                body,
                Map.copyOf(h)));
        Answer answer = script.poll();
        if (answer == null) {
            answer = Answer.status(200);
        }
        sleep(answer.delay().toMillis());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException ignored) {
            // the sender gave up (timeout); nothing to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
