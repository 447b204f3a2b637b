package dev.reviewgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.config.Settings;
import dev.reviewgate.net.Cidr;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Concurrent endpoint writes: the per-account cap holds, and each rotation answers with its own secret. */
class ConcurrentEndpointTest extends ApiTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Override
    protected Settings settings(String databaseUrl) {
        return TestServer.settings(
                databaseUrl,
                Settings.DEFAULT_MAX_BODY_BYTES,
                new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32"))),
                Settings.DEFAULT_WEBHOOK_TIMEOUT);
    }

    @Test
    void concurrentCreatesNeverExceedTheCapOfAnAccount() {
        Api tenant = server.otherAccountApi();
        for (int i = 0; i < WebhookService.MAX_ENDPOINTS - 5; i++) {
            assertThat(tenant.post("/v1/webhooks", Map.of("url", URL)).status()).isEqualTo(201);
        }

        List<Api.Response> responses = Concurrently.run(20, i -> tenant.post("/v1/webhooks", Map.of("url", URL)));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(5);
        assertThat(tenant.get("/v1/webhooks").body().get("data")).hasSize(WebhookService.MAX_ENDPOINTS);
    }

    @Test
    void eachConcurrentRotationAnswersWithTheSecretItSet() {
        String id =
                api.post("/v1/webhooks", Map.of("url", URL)).body().get("id").asText();

        List<Api.Response> responses =
                Concurrently.run(8, i -> api.post("/v1/webhooks/" + id + "/rotate-secret", Map.of()));

        assertThat(responses).extracting(Api.Response::status).containsOnly(200);
        Set<String> secrets =
                responses.stream().map(r -> r.body().get("secret").asText()).collect(Collectors.toSet());
        assertThat(secrets).hasSize(8);
        String stored = server.app()
                .database()
                .read(h -> h.createQuery("SELECT secret FROM webhook_endpoints WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
        assertThat(secrets).contains(stored);
    }

    @Test
    void eachConcurrentAccountSecretRotationAnswersWithTheSecretItSet() {
        List<Api.Response> responses = Concurrently.run(8, i -> api.post("/v1/signing-secret/rotate", Map.of()));

        assertThat(responses).extracting(Api.Response::status).containsOnly(200);
        assertThat(responses.stream().map(r -> r.body().get("secret").asText()).collect(Collectors.toSet()))
                .hasSize(8);
    }

    @Test
    void rotatingADeletedEndpointIs404() {
        String id =
                api.post("/v1/webhooks", Map.of("url", URL)).body().get("id").asText();
        api.send(HttpRequest.newBuilder(api.uri("/v1/webhooks/" + id)).DELETE(), Map.of());

        assertThat(api.post("/v1/webhooks/" + id + "/rotate-secret", Map.of()).status())
                .isEqualTo(404);
    }
}
