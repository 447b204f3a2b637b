package dev.reviewgate.examples.blog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reviewgate.client.WebhookEvent;
import dev.reviewgate.client.WebhookVerificationException;
import dev.reviewgate.client.Webhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The agent's embedded webhook endpoint: verifies every request with the SDK and hands verified
 * events to the agent's loop. Forged or stale requests get 401 and never reach the agent; a
 * redelivery of one already received (same {@code webhook-id}) is acknowledged and dropped.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final String secret;
    private final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
    private final Set<String> seenDeliveries = ConcurrentHashMap.newKeySet();

    WebhookReceiver(String bindHost, int port, String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(bindHost, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindHost + ":" + port, e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/webhooks/reviewgate", this::receive);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next verified event, or null after {@code timeout}. */
    WebhookEvent next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            // The raw body, exactly as sent: the signature covers these bytes, not a re-serialisation.
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                WebhookEvent event = Webhooks.verify(secret, exchange.getRequestHeaders(), body);
                if (seenDeliveries.add(exchange.getRequestHeaders().getFirst("webhook-id"))) {
                    events.add(event);
                }
                exchange.sendResponseHeaders(204, -1);
            } catch (WebhookVerificationException e) {
                byte[] reason = e.getMessage().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(401, reason.length);
                exchange.getResponseBody().write(reason);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
