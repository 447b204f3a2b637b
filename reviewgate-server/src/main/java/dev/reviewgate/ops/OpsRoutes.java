package dev.reviewgate.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reviewgate.db.Database;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Health, readiness, Prometheus metrics and the OpenAPI document. */
public final class OpsRoutes {

    private final Database database;
    private final RequestMetrics metrics;
    private final String openApiJson;

    public OpsRoutes(Database database, RequestMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
        this.openApiJson = Json.write(openApi());
    }

    public void routes(RoutesConfig r) {
        r.get("/healthz", this::health);
        r.get("/readyz", this::readiness);
        r.get("/metrics", this::prometheus);
        r.get("/openapi.json", this::openApiDocument);
    }

    private void health(Context ctx) {
        Responses.json(ctx, 200, Json.object().put("status", "ok"));
    }

    private void readiness(Context ctx) {
        boolean up = database.isReachable();
        Responses.json(ctx, up ? 200 : 503, Json.object().put("status", up ? "ready" : "database unreachable"));
    }

    private void prometheus(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void openApiDocument(Context ctx) {
        ctx.contentType(Responses.JSON).result(openApiJson);
    }

    /** The hand-written OpenAPI document, read once from {@code openapi.yaml}. */
    public static JsonNode openApi() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml is missing from the jar or is not valid YAML", e);
        }
    }
}
