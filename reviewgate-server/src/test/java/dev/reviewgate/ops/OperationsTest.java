package dev.reviewgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.app.HttpServer;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics by route template, and an OpenAPI document that lists every route. */
class OperationsTest extends ApiTest {

    @Test
    void everyRegisteredRouteIsInTheOpenApiDocument() {
        JsonNode paths = api.withKey(null).get("/openapi.json").body().get("paths");
        Set<String> missing = new TreeSet<>();
        for (HttpServer.Route route : server.app().routes()) {
            boolean api = route.path().startsWith("/v1/")
                    || route.path().startsWith("/gotohuman/")
                    || route.path().startsWith("/humanlayer/")
                    || Set.of("/healthz", "/readyz", "/metrics", "/openapi.json")
                            .contains(route.path());
            if (!api || route.method().equals("BEFORE") || route.method().equals("AFTER")) {
                continue;
            }
            JsonNode path = paths.get(route.path());
            if (path == null || !path.has(route.method().toLowerCase(Locale.ROOT))) {
                missing.add(route.method() + " " + route.path());
            }
        }
        // Mounted beside Javalin's routes, so not in the list above.
        assertThat(paths.path("/mcp").has("post"))
                .as("POST /mcp in openapi.yaml")
                .isTrue();
        assertThat(server.app().routes()).isNotEmpty();
        assertThat(missing).as("routes missing from openapi.yaml").isEmpty();
    }

    @Test
    void healthAndReadinessAnswerWithoutAKey() {
        assertThat(api.withKey(null).get("/healthz").status()).isEqualTo(200);
        assertThat(api.withKey(null).get("/readyz").body().get("status").asText())
                .isEqualTo("ready");
    }

    @Test
    void metricsAreTaggedByRouteTemplateNotRawPath() {
        api.get("/v1/reviews/rev_does_not_exist");
        Api.Response metrics = api.withKey(null).get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text())
                .contains("http_server_requests_seconds_count")
                .contains("route=\"/v1/reviews/{reviewId}\"")
                .doesNotContain("rev_does_not_exist");
    }
}
