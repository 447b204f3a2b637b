package dev.reviewgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.Receiver;
import dev.reviewgate.testing.Receiver.Answer;
import dev.reviewgate.testing.TestDatabase;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Three server processes on one PostgreSQL: no leader, no sticky sessions, nothing lost when one dies. */
class MultiInstanceIT {

    @Test
    void threeInstancesShareOneGateCorrectly() throws Exception {
        String url = TestDatabase.POSTGRESQL.newDatabaseUrl();
        try (Cluster cluster = Cluster.start(3, url, Map.of());
                Receiver receiver = new Receiver()) {
            assertThat(count(url, "SELECT COUNT(*) FROM accounts"))
                    .as("one bootstrap across instances")
                    .isEqualTo(1);
            Api a = cluster.api(0);
            Api b = cluster.api(1);
            a.post("/v1/forms", Fixtures.blogForm());

            List<Long> wakes = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                wakes.add(wakeAcross(a, b, create(a, "Wake me " + round)));
            }
            System.out.println(
                    "decision on B -> waiter on A returned after (ms, first rounds warm up the JVMs): " + wakes);
            // How fast belongs in the benchmark (P3 across instances); here each waiter must be woken
            // by the decision (ready, approved) well before its own 30 s timeout would answer.

            JsonNode contested = create(b, "Race me");
            List<JsonNode> answers = decideConcurrently(cluster, contested, 50);
            long applied = answers.stream()
                    .filter(r -> r.path("submissionStatus").asText().equals("applied"))
                    .count();
            assertThat(applied).isEqualTo(1);
            assertThat(count(
                            url,
                            "SELECT COUNT(*) FROM decisions WHERE review_id = '"
                                    + contested.get("reviewId").asText() + "'"))
                    .isEqualTo(1);

            receiver.then(Answer.slow(Duration.ofSeconds(30)), Answer.slow(Duration.ofSeconds(30)), Answer.status(500));
            a.post("/v1/webhooks", Map.of("url", receiver.url("/hook"), "events", List.of("review.created")));
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                expected.add(
                        create(cluster.api(i % 3), "Hook " + i).get("reviewId").asText());
            }
            receiver.await(r -> receiver.received().size() >= 3);
            cluster.kill(0);
            awaitDelivered(b, receiver, expected);
        }
    }

    @Test
    void withNotifyDisabledWaitsAreStillWokenByADecisionOnAnotherInstance() throws Exception {
        String url = TestDatabase.POSTGRESQL.newDatabaseUrl();
        try (Cluster cluster = Cluster.start(2, url, Map.of("REVIEWGATE_NOTIFY", "poll"))) {
            Api a = cluster.api(0);
            a.post("/v1/forms", Fixtures.blogForm());
            long wakeMs = wakeAcross(a, cluster.api(1), create(a, "Poll me"));
            System.out.println("REVIEWGATE_NOTIFY=poll: decision on B -> waiter on A returned after " + wakeMs + " ms");
        }
    }

    /** Milliseconds from sending a decision to B until a waiter parked on A has its answer (checked to be that decision). */
    private static long wakeAcross(Api a, Api b, JsonNode created) throws Exception {
        String reviewId = created.get("reviewId").asText();
        CompletableFuture<Long> woke = CompletableFuture.supplyAsync(() -> {
            JsonNode answer = a.get("/v1/reviews/" + reviewId + "/wait?for=decision&timeoutSeconds=30")
                    .body();
            assertThat(answer.get("ready").asBoolean())
                    .as("woken by the decision, not by the timeout")
                    .isTrue();
            assertThat(answer.at("/review/decision/verdict").asText()).isEqualTo("approved");
            return System.nanoTime();
        });
        Thread.sleep(300);
        long decided = System.nanoTime();
        b.post(
                "/v1/reviews/" + reviewId + "/approve",
                Map.of("versionId", created.get("versionId").asText()));
        return TimeUnit.NANOSECONDS.toMillis(woke.get(10, TimeUnit.SECONDS) - decided);
    }

    private static JsonNode create(Api api, String text) {
        return api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "blog-review",
                                "fields",
                                Fixtures.blogFields(text, "https://cdn.example.com/a.jpg")))
                .body();
    }

    private static List<JsonNode> decideConcurrently(Cluster cluster, JsonNode review, int callers) throws Exception {
        String id = review.get("reviewId").asText();
        String version = review.get("versionId").asText();
        CountDownLatch start = new CountDownLatch(1);
        List<JsonNode> out = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Api api = cluster.api(i % cluster.size());
                boolean approve = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    var r = approve
                            ? api.post("/v1/reviews/" + id + "/approve", Map.of("versionId", version))
                            : api.post("/v1/reviews/" + id + "/reject", Map.of("versionId", version, "reason", "no"));
                    return r.body();
                }));
            }
            start.countDown();
            for (Future<JsonNode> f : futures) {
                out.add(f.get());
            }
        }
        return out;
    }

    /** Every review's created event reached the receiver with a 2xx, each under one stable webhook-id. */
    private static void awaitDelivered(Api api, Receiver receiver, Set<String> reviewIds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Set<String> delivered = new HashSet<>();
        while (System.currentTimeMillis() < deadline) {
            String endpoint =
                    api.get("/v1/webhooks").body().get("data").get(0).get("id").asText();
            delivered.clear();
            for (JsonNode d :
                    api.get("/v1/webhooks/" + endpoint + "/deliveries").body().get("data")) {
                if (d.get("status").asText().equals("delivered")) {
                    delivered.add(d.get("reviewId").asText());
                }
            }
            if (delivered.containsAll(reviewIds)) {
                Map<String, String> reviewOfId = new HashMap<>();
                for (Receiver.Received r : receiver.received()) {
                    String previous = reviewOfId.putIfAbsent(
                            r.id(), r.json().get("reviewId").asText());
                    assertThat(previous == null
                                    || previous.equals(r.json().get("reviewId").asText()))
                            .isTrue();
                }
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("delivered " + delivered.size() + " of " + reviewIds.size() + " after a kill -9");
    }

    private static long count(String url, String sql) throws Exception {
        try (var c = DriverManager.getConnection(url);
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
