package dev.reviewgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.JarServer;
import dev.reviewgate.testing.Receiver;
import dev.reviewgate.testing.Receiver.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a real server process while deliveries are in flight and waiting to retry:
 * after a restart on the same data every event is delivered, under the same webhook-id.
 */
class WebhookCrashIT {

    private static final String KEY = "rg_crash_test_key_0123456789abcdef";
    private static final int REVIEWS = 20;
    private JarServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noEventIsLostWhenTheServerIsKilledMidDelivery() throws Exception {
        Path dataDir = Files.createTempDirectory("reviewgate-crash-");
        try (Receiver receiver = new Receiver()) {
            receiver.then(
                    Answer.slow(Duration.ofSeconds(30)),
                    Answer.slow(Duration.ofSeconds(30)),
                    Answer.slow(Duration.ofSeconds(30)),
                    Answer.status(500),
                    Answer.status(500),
                    Answer.status(503));
            server = JarServer.onDataDir(
                    dataDir,
                    KEY,
                    Map.of(
                            "REVIEWGATE_WEBHOOK_ALLOW_CIDRS",
                            "127.0.0.1/32",
                            "REVIEWGATE_WEBHOOK_TIMEOUT_SECONDS",
                            "3"));
            Api api = server.start();
            api.post("/v1/forms", Fixtures.blogForm());
            assertThat(api.post("/v1/webhooks", Map.of("url", receiver.url("/hook")))
                            .status())
                    .isEqualTo(201);
            for (int i = 0; i < REVIEWS; i++) {
                api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "blog-review",
                                "fields",
                                Fixtures.blogFields("Post " + i, "https://cdn.example.com/a.jpg")));
            }
            receiver.await(r -> receiver.received().size() >= 6);

            server.kill();
            int receivedBeforeKill = receiver.received().size();

            api = server.start();
            Set<String> expected = eventIds(api);
            assertThat(expected).hasSize(REVIEWS);
            awaitAllDelivered(api, receiver, expected);

            Map<String, String> eventOfWebhookId = new HashMap<>();
            for (Receiver.Received r : receiver.received()) {
                String eventId = r.json().get("eventId").asText();
                String previous = eventOfWebhookId.putIfAbsent(r.id(), eventId);
                assertThat(previous == null || previous.equals(eventId))
                        .as("webhook-id %s is stable", r.id())
                        .isTrue();
            }
            assertThat(receiver.received().size()).isGreaterThan(receivedBeforeKill);
            assertThat(receiver.received().stream()
                            .map(Receiver.Received::id)
                            .distinct()
                            .count())
                    .isEqualTo(REVIEWS);
        }
    }

    private static Set<String> eventIds(Api api) {
        Set<String> ids = new HashSet<>();
        for (JsonNode review :
                api.get("/v1/reviews?status=all&limit=200").body().get("data")) {
            for (JsonNode event : api.get("/v1/reviews/" + review.get("id").asText() + "/events")
                    .body()
                    .get("data")) {
                ids.add(event.get("eventId").asText());
            }
        }
        return ids;
    }

    /** Every expected event reached the receiver and got its 2xx (the delivery log says delivered). */
    private static void awaitAllDelivered(Api api, Receiver receiver, Set<String> expected)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        Set<String> delivered = new HashSet<>();
        while (System.currentTimeMillis() < deadline) {
            delivered.clear();
            JsonNode endpoints = api.get("/v1/webhooks").body().get("data");
            for (JsonNode d : api.get(
                            "/v1/webhooks/" + endpoints.get(0).get("id").asText() + "/deliveries")
                    .body()
                    .get("data")) {
                if (d.get("status").asText().equals("delivered")) {
                    delivered.add(d.get("eventId").asText());
                }
            }
            if (delivered.containsAll(expected)) {
                Set<String> seen = new HashSet<>();
                receiver.received()
                        .forEach(r -> seen.add(r.json().get("eventId").asText()));
                assertThat(seen).containsAll(expected);
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("delivered " + delivered.size() + " of " + expected.size() + " events after restart");
    }
}
