package dev.reviewgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** P1 (creates) and P2 (decisions) over HTTP from concurrent clients. */
final class ApiWorkloads {

    /** A created review: what a decision needs. */
    record Created(String reviewId, String versionId) {}

    static final JsonNode FORM = Json.parse("""
            {"id":"bench","name":"Benchmark form","fields":[
              {"id":"title","type":"text","required":true,"retry":{"button":true,"instructions":true}},
              {"id":"body","type":"markdown","retry":{"button":true,"instructions":true}},
              {"id":"score","type":"number"}]}""");

    private ApiWorkloads() {}

    static Stats creates(Http http, int clients, Duration duration, long max, ConcurrentLinkedQueue<Created> out)
            throws Exception {
        return Load.run(clients, duration, max, n -> {
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
            out.add(new Created(
                    created.get("reviewId").asText(), created.get("versionId").asText()));
        });
    }

    static Stats decisions(Http http, int clients, List<Created> reviews) throws Exception {
        return Load.run(clients, Duration.ofMinutes(2), reviews.size(), n -> {
            Created r = reviews.get((int) n);
            http.post("/v1/reviews/" + r.reviewId() + "/approve", Map.of("versionId", r.versionId()));
        });
    }
}
