package dev.reviewgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.json.Json;
import io.javalin.http.Context;
import java.util.Locale;

/** Reads a JSON request body: 415 for another media type, 400 when malformed. */
public final class RequestBodies {

    private RequestBodies() {}

    public static JsonNode json(Context ctx) {
        String type = ctx.contentType();
        String lower = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (lower != null && !lower.startsWith("application/json") && !lower.contains("+json")) {
            throw Problem.of(415, "Unsupported media type", "Send the body as application/json.");
        }
        return Json.parseBody(ctx.bodyAsBytes());
    }
}
