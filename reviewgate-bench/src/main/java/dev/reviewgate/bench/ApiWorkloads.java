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

    /**
     * Creates each approved at once, for {@code duration} in all: two thirds of it at
     * {@link Bench#CLIENTS} and the rest at {@link Bench#MANY_CLIENTS}, so the JIT has compiled
     * both paths at both concurrencies before anything is timed. Nothing is kept.
     */
    static void warmUp(Http http, Duration duration) throws Exception {
        Duration first = duration.multipliedBy(2).dividedBy(3);
        for (var phase :
                List.of(Map.entry(Bench.CLIENTS, first), Map.entry(Bench.MANY_CLIENTS, duration.minus(first)))) {
            Load.run(phase.getKey(), phase.getValue(), Long.MAX_VALUE, n -> {
                ConcurrentLinkedQueue<Created> one = new ConcurrentLinkedQueue<>();
                create(http, n, one);
                approve(http, one.remove());
            });
        }
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
