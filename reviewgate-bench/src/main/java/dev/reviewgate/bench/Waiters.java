package dev.reviewgate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * P3: parks one long poll on each of {@code parked} open reviews on instance A, then decides a
 * sample of them one at a time, on A and on B, timing each decision request until its waiter has
 * answered (after {@link #WARM_UP} untimed ones on each). Also reads A's resident memory while the
 * waiters are parked.
 */
final class Waiters {

    /** Wake-up latencies on the same instance and across instances, and A's RSS with the waiters parked. */
    record Result(Stats sameInstance, Stats acrossInstances, long rssMib, int parked) {}

    /** Decisions at the start of each sample that are not timed: the second server starts cold. */
    static final int WARM_UP = 20;

    private Waiters() {}

    static Result measure(ServerProcess a, ServerProcess b, List<ApiWorkloads.Created> open, int parked, int sample)
            throws Exception {
        Http parkOn = a.http();
        List<CompletableFuture<Long>> woke = new ArrayList<>();
        for (int i = 0; i < parked; i++) {
            woke.add(parkOn.getAsync("/v1/reviews/" + open.get(i).reviewId() + "/wait?for=decision&timeoutSeconds=60")
                    .thenApply(response -> System.nanoTime()));
        }
        Thread.sleep(Math.max(5_000, parked));
        long rss = a.rssMib();
        Stats same = decide(a.http(), open, woke, 0, sample);
        Stats across = decide(b.http(), open, woke, sample, sample);
        return new Result(same, across, rss, parked);
    }

    private static Stats decide(
            Http decider, List<ApiWorkloads.Created> open, List<CompletableFuture<Long>> woke, int from, int count)
            throws Exception {
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = from; i < from + count; i++) {
            ApiWorkloads.Created r = open.get(i);
            long t = System.nanoTime();
            decider.post("/v1/reviews/" + r.reviewId() + "/approve", Map.of("versionId", r.versionId()));
            long latency;
            try {
                latency = woke.get(i).get(30, TimeUnit.SECONDS) - t;
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "the waiter on " + r.reviewId() + " (#" + i + ") was not answered 30 s"
                                + " after the decision; the review now reads "
                                + decider.get("/v1/reviews/" + r.reviewId()).path("status") + ", its waiter "
                                + (woke.get(i).isDone() ? "has answered" : "is still parked"),
                        e);
            }
            if (i >= from + WARM_UP) {
                latencies.add(latency);
            }
        }
        return Stats.of(latencies, System.nanoTime() - start);
    }
}
