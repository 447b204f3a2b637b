package dev.reviewgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.reviewgate.app.Application;
import dev.reviewgate.config.Settings;
import dev.reviewgate.json.Json;
import dev.reviewgate.net.Cidr;
import dev.reviewgate.net.NetworkPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P4, in-process so the clock can be moved: decision → first webhook attempt (one decision at a
 * time, to a receiver that answers 200 at once), and the drain rate of a backlog of failed
 * deliveries made due all at once.
 */
final class WebhookDrain {

    static final int DECISIONS = 200;
    static final int BACKLOG = 2_000;

    /**
     * Decision → first attempt latencies, deliveries per second, and the CPU per delivery of this
     * whole process (server, receiver and client share it) while the backlog drained.
     */
    record Result(Stats firstAttempt, double deliveriesPerSecond, double cpuMsPerDelivery) {}

    private WebhookDrain() {}

    static Result measure(String databaseUrl) throws Exception {
        MovableClock clock = new MovableClock();
        Sink sink = new Sink();
        Settings settings = new Settings(
                0,
                Path.of("."),
                databaseUrl,
                null,
                Settings.DEFAULT_MAX_BODY_BYTES,
                "rg_webhook_bench_key_0123456789ab",
                "bench-password-0123",
                "bench@example.com",
                new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32"))),
                Duration.ofSeconds(15));
        try (Application app = Application.start(settings, clock)) {
            Http http = new Http("http://localhost:" + app.port(), "rg_webhook_bench_key_0123456789ab");
            http.post("/v1/forms", ApiWorkloads.FORM);
            http.post("/v1/webhooks", Map.of("url", sink.url(), "events", List.of("review.approved")));
            List<Long> latencies = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < DECISIONS + 20; i++) {
                JsonNode c = create(http, i);
                long t = System.nanoTime();
                http.post(
                        "/v1/reviews/" + c.get("reviewId").asText() + "/approve",
                        Map.of("versionId", c.get("versionId").asText()));
                long arrived = sink.await(c.get("reviewId").asText());
                if (i >= 20) {
                    latencies.add(arrived - t);
                }
            }
            Stats first = Stats.of(latencies, System.nanoTime() - start);
            double[] drained = drain(app, http, sink, clock);
            return new Result(first, drained[0], drained[1]);
        } finally {
            sink.server.stop(0);
        }
    }

    /** Deliveries per second, and CPU ms per delivery, while the backlog drains. */
    private static double[] drain(Application app, Http http, Sink sink, MovableClock clock) throws Exception {
        sink.failing.set(true);
        Load.run(8, Duration.ofMinutes(5), BACKLOG, n -> {
            JsonNode c = create(http, n);
            http.post(
                    "/v1/reviews/" + c.get("reviewId").asText() + "/approve",
                    Map.of("versionId", c.get("versionId").asText()));
        });
        while (sink.failed.get() < BACKLOG || outcomesPending(app) > 0) {
            // The receiver has answered; wait until each failure is recorded too, or a retry would
            // be scheduled from the moved clock below and never fall due.
            Thread.sleep(50);
        }
        sink.failing.set(false);
        int before = sink.delivered.get();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        clock.advance(Duration.ofSeconds(10));
        while (sink.delivered.get() - before < BACKLOG) {
            Thread.sleep(5);
        }
        double perSecond = BACKLOG / ((System.nanoTime() - start) / 1e9);
        return new double[] {perSecond, (processCpuNanos() - cpuBefore) / 1e6 / BACKLOG};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Deliveries still waiting for a first attempt, or whose attempt has not been recorded. */
    private static long outcomesPending(Application app) {
        return app.database()
                .read(h -> h.createQuery(
                                "SELECT COUNT(*) FROM deliveries WHERE attempts = 0 OR lease_token IS NOT NULL")
                        .mapTo(Long.class)
                        .one());
    }

    private static JsonNode create(Http http, long n) throws Exception {
        return http.post("/v1/reviews", Map.of("formId", "bench", "fields", Map.of("title", "Hook " + n)));
    }

    /**
     * The service's clock, standing still until the benchmark moves it: a retry becomes due only
     * when the backlog is complete, never on its own while it is being built.
     */
    static final class MovableClock implements InstantSource {
        private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }
    }

    /** A receiver that answers at once (500 while failing) and notes when each review's webhook arrived. */
    private static final class Sink {
        final HttpServer server;
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();

        Sink() throws IOException {
            // IPv4 loopback by literal, on purpose: url() and the bench's webhook allow-list (127.0.0.1/32) say
            // 127.0.0.1, and a literal is parsed, not resolved, so there is no address to select. getLoopbackAddress()
            // would be ::1 under java.net.preferIPv6Addresses=true.
            @SuppressWarnings("AddressSelection")
            InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
            server = HttpServer.create(loopback, 512);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                long now = System.nanoTime();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = failing.get();
                exchange.sendResponseHeaders(fail ? 500 : 200, -1);
                exchange.close();
                if (fail) {
                    failed.incrementAndGet();
                } else {
                    arrivals.putIfAbsent(Json.parse(body).get("reviewId").asText(), now);
                    delivered.incrementAndGet();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sink";
        }

        long await(String reviewId) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                Long at = arrivals.get(reviewId);
                if (at != null) {
                    return at;
                }
                Thread.sleep(1);
            }
            throw new IllegalStateException("webhook for " + reviewId + " never arrived");
        }
    }
}
