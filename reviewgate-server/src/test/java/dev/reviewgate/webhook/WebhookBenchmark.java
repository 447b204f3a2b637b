package dev.reviewgate.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestClock;
import dev.reviewgate.testing.TestDatabase;
import dev.reviewgate.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Webhook figures, printed, never asserted (machines are shared and noisy). Not part of the
 * default test run; run it with
 * {@code ./mvnw -B -pl reviewgate-server test -Dtest=WebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <ul>
 *   <li>decision → first attempt: time from sending an approve request to the receiver getting
 *       the {@code review.approved} webhook, one decision at a time;</li>
 *   <li>deliveries/s: a backlog of failed deliveries is made due at once (by moving the clock)
 *       and drained into a receiver that answers 200 at once.</li>
 * </ul>
 */
class WebhookBenchmark {

    private static final int DECISIONS = 300;
    private static final int BACKLOG = 2_000;

    @Test
    void printWebhookFigures() throws Exception {
        List<String> rows = new ArrayList<>();
        for (TestDatabase database : TestDatabase.values()) {
            rows.add(measure(database));
        }
        System.out.println();
        System.out.println("| database | decision → first attempt p50 | p99 | deliveries/s (backlog of " + BACKLOG + ") | durability |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max heap, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version"));
    }

    private String measure(TestDatabase database) throws Exception {
        TestClock clock = new TestClock();
        NetworkPolicy loopback = new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32")));
        Sink sink = new Sink();
        try (TestServer server = TestServer.start(TestServer.settings(database.newDatabaseUrl(), 1 << 20, loopback,
                Duration.ofSeconds(15)), clock)) {
            Api api = server.api();
            api.post("/v1/forms", Fixtures.blogForm());
            api.post("/v1/webhooks", Map.of("url", sink.url(), "events", List.of("review.approved")));
            List<Long> latencies = decisionLatencies(api, sink);
            double perSecond = drainRate(server, api, sink, clock);
            Collections.sort(latencies);
            return "| " + database.name().toLowerCase() + " " + version(server) + " | "
                    + ms(latencies.get(latencies.size() / 2)) + " | " + ms(latencies.get(latencies.size() * 99 / 100))
                    + " | " + Math.round(perSecond) + " | " + durability(server) + " |";
        } finally {
            sink.close();
        }
    }

    private static List<Long> decisionLatencies(Api api, Sink sink) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < DECISIONS + 20; i++) {
            JsonNode created = api.post("/v1/reviews", Map.of("formId", "blog-review",
                    "fields", Fixtures.blogFields("Post " + i, "https://cdn.example.com/a.jpg"))).body();
            String reviewId = created.get("reviewId").asText();
            CountDownLatch arrived = sink.expect(reviewId);
            long start = System.nanoTime();
            api.post("/v1/reviews/" + reviewId + "/approve", Map.of("versionId", created.get("versionId").asText()));
            try {
                if (!arrived.await(20, TimeUnit.SECONDS)) {
                    throw new AssertionError("webhook for " + reviewId + " never arrived");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (i >= 20) {
                out.add(sink.arrivedAt(reviewId) - start);
            }
        }
        return out;
    }

    /** Builds a backlog that failed once, then makes it due at once and times the drain. */
    private static double drainRate(TestServer server, Api api, Sink sink, TestClock clock) throws Exception {
        sink.failAll(true);
        var pool = Executors.newFixedThreadPool(8);
        AtomicInteger made = new AtomicInteger();
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                while (made.incrementAndGet() <= BACKLOG) {
                    JsonNode c = api.post("/v1/reviews", Map.of("formId", "blog-review",
                            "fields", Fixtures.blogFields("Backlog", "https://cdn.example.com/a.jpg"))).body();
                    api.post("/v1/reviews/" + c.get("reviewId").asText() + "/approve",
                            Map.of("versionId", c.get("versionId").asText()));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        while (pendingWithOneAttempt(server) < BACKLOG) {
            Thread.sleep(100);
        }
        sink.failAll(false);
        int before = sink.delivered.get();
        long start = System.nanoTime();
        clock.advance(Duration.ofSeconds(10));
        while (sink.delivered.get() - before < BACKLOG) {
            Thread.sleep(5);
        }
        return BACKLOG / ((System.nanoTime() - start) / 1e9);
    }

    private static long pendingWithOneAttempt(TestServer server) {
        return server.app().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM deliveries WHERE status = 'pending' AND attempts = 1").mapTo(Long.class).one());
    }

    private static String version(TestServer server) {
        return server.app().database().read(h -> h.createQuery(
                server.app().database().dialect() == dev.reviewgate.db.Dialect.SQLITE
                        ? "SELECT sqlite_version()" : "SHOW server_version").mapTo(String.class).one());
    }

    private static String durability(TestServer server) {
        var db = server.app().database();
        if (db.dialect() == dev.reviewgate.db.Dialect.SQLITE) {
            return db.read(h -> "journal_mode=" + h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()
                    + ", synchronous=" + h.createQuery("PRAGMA synchronous").mapTo(String.class).one());
        }
        return db.read(h -> "fsync=" + h.createQuery("SHOW fsync").mapTo(String.class).one()
                + ", synchronous_commit=" + h.createQuery("SHOW synchronous_commit").mapTo(String.class).one());
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    /** A receiver that answers at once and notes when each review's approval arrived. */
    private static final class Sink implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final AtomicInteger delivered = new AtomicInteger();
        private volatile boolean failing;

        Sink() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                long now = System.nanoTime();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failing ? 500 : 200;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                if (status == 200) {
                    String reviewId = Json.parse(body).get("reviewId").asText();
                    arrivals.putIfAbsent(reviewId, now);
                    delivered.incrementAndGet();
                    CountDownLatch latch = waiting.remove(reviewId);
                    if (latch != null) {
                        latch.countDown();
                    }
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sink";
        }

        CountDownLatch expect(String reviewId) {
            CountDownLatch latch = new CountDownLatch(1);
            waiting.put(reviewId, latch);
            if (arrivals.containsKey(reviewId)) {
                latch.countDown();
            }
            return latch;
        }

        long arrivedAt(String reviewId) {
            return arrivals.get(reviewId);
        }

        void failAll(boolean fail) {
            failing = fail;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
