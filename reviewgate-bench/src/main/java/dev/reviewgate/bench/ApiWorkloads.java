package dev.reviewgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Creates (P1, P6) and decisions (P2, P7) over HTTP from concurrent clients. */
final class ApiWorkloads {

    /** A created review: what a decision needs. */
    record Created(String reviewId, String versionId) {}

    static final JsonNode FORM = Json.parse("""
            {"id":"bench","name":"Benchmark form","fields":[
              {"id":"title","type":"text","required":true,"retry":{"button":true,"instructions":true}},
              {"id":"body","type":"markdown","retry":{"button":true,"instructions":true}},
              {"id":"score","type":"number"}]}""");

    private ApiWorkloads() {}

    /** What a warm-up took, and the JIT's share of the server's CPU in its last round. */
    record WarmUp(Duration took, double lastJitShare) {}

    /** The start of a warm-up, at the lower concurrency only. */
    static final Duration COLD = Duration.ofSeconds(20);

    /** A warm-up round: this long at each concurrency. */
    static final Duration ROUND_PHASE = Duration.ofSeconds(5);

    /** The JIT counts as done compiling when its threads use less than this share of the server's CPU in a round. */
    static final double JIT_QUIET = 0.05;

    /**
     * Creates each approved at once: {@link #COLD} at {@link Bench#CLIENTS}, then rounds of {@link #ROUND_PHASE} at {@link Bench#CLIENTS} and
     * then at {@link Bench#MANY_CLIENTS}, so the JIT compiles both paths at both concurrencies
     * before anything is timed: for at least {@code least}, and then until a round in which the
     * JIT's threads were under {@link #JIT_QUIET} of the server's CPU, or {@code most} is over.
     * Nothing is kept.
     */
    static WarmUp warmUp(ServerProcess server, Duration least, Duration most) throws Exception {
        Http http = server.http();
        long start = System.nanoTime();
        // The cold server first gets the lower concurrency alone: interpreted, at 64 clients its
        // transactions queue on the pool for longer than the pool's 2 s, and are refused (503).
        Load.run(Bench.CLIENTS, COLD, Long.MAX_VALUE, n -> createAndApprove(http, n));
        double jitShare;
        do {
            var threadsBefore = server.threadCpu();
            long cpuBefore = server.cpuNanos();
            for (int clients : new int[] {Bench.CLIENTS, Bench.MANY_CLIENTS}) {
                Load.run(clients, ROUND_PHASE, Long.MAX_VALUE, n -> createAndApprove(http, n));
            }
            long cpu = server.cpuNanos() - cpuBefore;
            CpuSplit split = CpuSplit.between(threadsBefore, server.threadCpu(), cpu);
            jitShare = split.totalNanos() == 0 ? 0 : (double) split.jitNanos() / split.totalNanos();
        } while (System.nanoTime() - start < least.toNanos()
                || (jitShare >= JIT_QUIET && System.nanoTime() - start < most.toNanos()));
        return new WarmUp(Duration.ofNanos(System.nanoTime() - start), jitShare);
    }

    private static void createAndApprove(Http http, long n) throws Exception {
        ConcurrentLinkedQueue<Created> one = new ConcurrentLinkedQueue<>();
        create(http, n, one);
        approve(http, one.remove());
    }

    /** Unmeasured creates, to have reviews to decide. */
    static void createUntimed(Http http, int clients, Duration duration, long max, ConcurrentLinkedQueue<Created> out)
            throws Exception {
        Load.run(clients, duration, max, n -> create(http, n, out));
    }

    static Throughput creates(ServerProcess server, int clients, Duration duration, ConcurrentLinkedQueue<Created> out)
            throws Exception {
        Http http = server.http();
        return Load.measured(server, clients, duration, Long.MAX_VALUE, n -> create(http, n, out));
    }

    /** Approves each of {@code reviews} once, until they run out or {@code duration} is over. */
    static Throughput decisions(ServerProcess server, int clients, Duration duration, List<Created> reviews)
            throws Exception {
        Http http = server.http();
        return Load.measured(server, clients, duration, reviews.size(), n -> approve(http, reviews.get((int) n)));
    }

    static void decideUntimed(Http http, int clients, List<Created> reviews) throws Exception {
        Load.run(clients, Duration.ofMinutes(2), reviews.size(), n -> approve(http, reviews.get((int) n)));
    }

    private static void create(Http http, long n, ConcurrentLinkedQueue<Created> out) throws Exception {
        JsonNode created = http.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "bench",
                        "workflowId",
                        "wf_bench",
                        "fields",
                        Map.of(
                                "title",
                                "Review " + n,
                                "body",
                                "Some **markdown** body number " + n,
                                "score",
                                n % 100)));
        if (!created.path("reviewId").isTextual() || !created.path("versionId").isTextual()) {
            throw new IllegalStateException("a create answered without reviewId and versionId: " + created);
        }
        out.add(new Created(
                created.get("reviewId").asText(), created.get("versionId").asText()));
    }

    private static void approve(Http http, Created r) throws Exception {
        JsonNode answer = http.post("/v1/reviews/" + r.reviewId() + "/approve", Map.of("versionId", r.versionId()));
        if (!"applied".equals(answer.path("submissionStatus").asText())
                || !"approved".equals(answer.path("review").path("status").asText())) {
            throw new IllegalStateException("an approve of " + r.reviewId() + " answered " + answer);
        }
    }
}
