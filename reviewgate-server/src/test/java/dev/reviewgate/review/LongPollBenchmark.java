package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Settings;
import dev.reviewgate.json.Json;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestDatabase;
import dev.reviewgate.testing.TestServer;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Parked long polls, printed, never asserted. Not part of the default run:
 * {@code ./mvnw -B -pl reviewgate-server test -Dtest=LongPollBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Parks {@value #WAITERS} waiters on one review, then decides it, and reports how long until the
 * last waiter had its answer, plus the server JVM's heap and platform threads while they were parked
 * (server and clients share the JVM, so heap is an upper bound for the server's share).
 */
class LongPollBenchmark {

    private static final int WAITERS = 5_000;

    @Test
    void printWaiterFigures() throws Exception {
        Settings settings = TestServer.settings(
                TestDatabase.SQLITE.newDatabaseUrl(),
                1 << 20,
                NetworkPolicy.strict(),
                Settings.DEFAULT_WEBHOOK_TIMEOUT);
        try (TestServer server = TestServer.start(settings, InstantSource.system());
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()) {
            Api api = server.api();
            api.post("/v1/forms", Fixtures.blogForm());
            JsonNode created = api.post(
                            "/v1/reviews",
                            Map.of(
                                    "formId",
                                    "blog-review",
                                    "fields",
                                    Fixtures.blogFields("Wait", "https://cdn.example.com/a.jpg")))
                    .body();
            String reviewId = created.get("reviewId").asText();
            long heapBefore = usedHeapAfterGc();

            List<CompletableFuture<Long>> waiters = new ArrayList<>();
            HttpRequest wait = HttpRequest.newBuilder(api.uri("/v1/reviews/" + reviewId + "/wait?timeoutSeconds=60"))
                    .header("Authorization", "Bearer " + TestServer.API_KEY)
                    .timeout(Duration.ofSeconds(90))
                    .build();
            for (int i = 0; i < WAITERS; i++) {
                waiters.add(client.sendAsync(wait, HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> {
                            if (!Json.parse(r.body()).get("ready").asBoolean()) {
                                throw new IllegalStateException("a waiter returned not ready");
                            }
                            return System.nanoTime();
                        }));
            }
            Thread.sleep(5_000);
            long heapParked = usedHeapAfterGc();
            int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();

            long decided = System.nanoTime();
            api.post(
                    "/v1/reviews/" + reviewId + "/approve",
                    Map.of("versionId", created.get("versionId").asText()));
            long last = 0;
            for (CompletableFuture<Long> w : waiters) {
                last = Math.max(last, w.get(60, TimeUnit.SECONDS));
            }
            System.out.printf(
                    "%n%d waiters on one review (SQLite): decision → last waiter answered %.0f ms; "
                            + "heap while parked +%d MiB (server and clients); %d platform threads in the JVM%n",
                    WAITERS, (last - decided) / 1e6, (heapParked - heapBefore) >> 20, platformThreads);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
