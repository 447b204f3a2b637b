package dev.reviewgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.json.Json;
import io.javalin.http.Context;

/** Writes JSON and problem+json responses with the service's one mapper. */
public final class Responses {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Responses() {}

    public static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(JSON).result(Json.write(body));
    }

    public static void problem(Context ctx, Problem problem) {
        ObjectNode body = problemBody(problem);
        body.put("instance", ctx.path());
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.write(body));
    }

    /** The RFC 9457 members of {@code problem}, without {@code instance} (the caller knows the path, if any). */
    public static ObjectNode problemBody(Problem problem) {
        ObjectNode body = Json.object()
                .put("type", problem.type())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            problem.errors()
                    .forEach(e -> errors.addObject().put("pointer", e.pointer()).put("message", e.message()));
        }
        problem.extensions().forEach((name, value) -> body.set(name, Json.toTree(value)));
        return body;
    }
}
