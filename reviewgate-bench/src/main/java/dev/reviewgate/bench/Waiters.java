package dev.reviewgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * P3: parks one long poll on each of {@code parked} open reviews on instance A, then decides a
 * sample of them one at a time, on A and on B, timing each decision request until its waiter has
 * answered (after {@link #WARM_UP} untimed ones on each). Also reads A's resident memory while the
 * waiters are parked.
 *
 * <p>A wake-up counts only when the waiter's answer is {@code ready: true} with the approval the
 * benchmark made. A waiter whose own timeout ran out first answers {@code ready: false}; it is
 * parked again, so a slow run is measured as slow rather than as a timeout mistaken for a wake-up.
 * Any other answer fails the run.
 */
final class Waiters {

    /** Wake-up latencies on the same instance and across instances, and A's RSS with the waiters parked. */
    record Result(Stats sameInstance, Stats acrossInstances, long rssMib, int parked) {}

    /** Decisions at the start of each sample that are not timed: the second server starts cold. */
    static final int WARM_UP = 20;

    /** The longest wait the API allows; the whole of P3's measuring lasts less (and waiters re-park). */
    static final int TIMEOUT_SECONDS = 60;

    /**
     * Long polls sent together while parking, then a pause: 10,000 in one instant would queue their
     * first reads on the 16 pooled connections for more than the pool's 2 s, and the last would be
     * answered 503 by design. Agents do not arrive all in the same millisecond either. At 100 per
     * 100 ms, a run in which PostgreSQL was still busy after the decision windows had one wait
     * answered 503 (a first read waited over 2 s for a connection); 500 a second parks all 10,000
     * in 20 s.
     */
    static final int PARK_BATCH = 50;

    static final long PARK_PAUSE_MILLIS = 100;

    private Waiters() {}

    private static void parkAll(List<Waiter> waiters) throws InterruptedException {
        for (int i = 0; i < waiters.size(); i++) {
            waiters.get(i).park();
            if (i % PARK_BATCH == PARK_BATCH - 1) {
                Thread.sleep(PARK_PAUSE_MILLIS);
            }
        }
    }

    /** One parked long poll, re-parked each time its own timeout answers before the decision. */
    private static final class Waiter {
        final ApiWorkloads.Created review;
        final Http http;
        final CompletableFuture<Long> answered = new CompletableFuture<>();
        volatile int parks;

        Waiter(ApiWorkloads.Created review, Http http) {
            this.review = review;
            this.http = http;
        }

        void park() {
            parks++;
            http.getAsync("/v1/reviews/" + review.reviewId() + "/wait?for=decision&timeoutSeconds=" + TIMEOUT_SECONDS)
                    .whenComplete((response, error) -> {
                        long at = System.nanoTime();
                        if (error != null) {
                            answered.completeExceptionally(error);
                        } else {
                            answer(response, at);
                        }
                    });
        }

        private void answer(HttpResponse<String> response, long at) {
            try {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
                }
                JsonNode body = Json.parse(response.body());
                if (body.path("ready").isBoolean() && !body.path("ready").asBoolean()) {
                    park(); // its own timeout: not a wake-up
                    return;
                }
                JsonNode decision = body.path("review").path("decision");
                if (!body.path("ready").asBoolean()
                        || !review.reviewId()
                                .equals(body.path("review").path("id").asText())
                        || !"approved".equals(decision.path("verdict").asText())
                        || !review.versionId().equals(decision.path("versionId").asText())) {
                    throw new IllegalStateException(
                            "not ready: true with the approval of " + review.versionId() + ": " + response.body());
                }
                answered.complete(at);
            } catch (RuntimeException e) {
                answered.completeExceptionally(new IllegalStateException(
                        "the waiter on " + review.reviewId() + " answered wrongly: " + e.getMessage(), e));
            }
        }
    }

    static Result measure(ServerProcess a, ServerProcess b, List<ApiWorkloads.Created> open, int parked, int sample)
            throws Exception {
        // Its own client: 10,000 connections, apart from the one the decisions use.
        Http parkOn = new Http(a.url(), ServerProcess.KEY);
        List<Waiter> waiters = new ArrayList<>();
        for (int i = 0; i < parked; i++) {
            waiters.add(new Waiter(open.get(i), parkOn));
        }
        parkAll(waiters);
        Thread.sleep(Math.max(5_000, parked));
        requireParked(waiters);
        long rss = a.rssMib();
        Stats same = decide(a.http(), waiters, 0, sample);
        Stats across = decide(b.http(), waiters, sample, sample);
        int expected = sample - WARM_UP;
        if (same.count() != expected || across.count() != expected) {
            throw new IllegalStateException(
                    "P3 timed " + same.count() + " and " + across.count() + " wake-ups, not " + expected + " each");
        }
        return new Result(same, across, rss, parked);
    }

    /**
     * The server's RSS once {@code count} long polls are parked on it, spread over {@code open}
     * (they are left parked).
     */
    static long rssWithParked(ServerProcess server, List<ApiWorkloads.Created> open, int count) throws Exception {
        Http parkOn = new Http(server.url(), ServerProcess.KEY);
        List<Waiter> waiters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waiters.add(new Waiter(open.get(i % open.size()), parkOn));
        }
        parkAll(waiters);
        Thread.sleep(Math.max(5_000, count));
        requireParked(waiters);
        return server.rssMib();
    }

    /** Fails the run if any waiter was answered while nothing had been decided (an error included). */
    private static void requireParked(List<Waiter> waiters) throws Exception {
        for (Waiter w : waiters) {
            if (w.answered.isDone()) {
                w.answered.get(); // fails the run with the waiter's own error
                throw new IllegalStateException(
                        "the waiter on " + w.review.reviewId() + " answered before its review was decided");
            }
        }
    }

    private static Stats decide(Http decider, List<Waiter> waiters, int from, int count) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = from; i < from + count; i++) {
            Waiter w = waiters.get(i);
            ApiWorkloads.Created r = w.review;
            if (w.answered.isDone()) {
                throw new IllegalStateException("the waiter on " + r.reviewId() + " answered before its decision");
            }
            long t = System.nanoTime();
            decider.post("/v1/reviews/" + r.reviewId() + "/approve", Map.of("versionId", r.versionId()));
            long latency;
            try {
                latency = w.answered.get(TIMEOUT_SECONDS + 30, TimeUnit.SECONDS) - t;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the waiter on " + r.reviewId() + " (#" + i + ") failed", e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "the waiter on " + r.reviewId() + " (#" + i + ") was not answered " + (TIMEOUT_SECONDS + 30)
                                + " s after the decision; the review now reads "
                                + decider.get("/v1/reviews/" + r.reviewId()).path("status") + "; parked "
                                + w.parks + " times",
                        e);
            }
            if (i >= from + WARM_UP) {
                latencies.add(latency);
            }
        }
        return Stats.of(latencies, System.nanoTime() - start);
    }
}
