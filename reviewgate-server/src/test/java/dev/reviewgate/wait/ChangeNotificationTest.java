package dev.reviewgate.wait;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Settings;
import dev.reviewgate.json.Json;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.review.ClusterSignals;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestDatabase;
import dev.reviewgate.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Every committed change is announced on the PostgreSQL channel other instances listen to, even
 * when many changes are sent together. (Waits would still complete by polling without it, only
 * slower, so this checks the notifications themselves.) A create is a change that can be waited
 * on only by its run address, so the creates here have one; the decisions have none.
 */
class ChangeNotificationTest {

    @Test
    void everyChangeIsNotifiedOnTheChannel() throws Exception {
        String url = TestDatabase.POSTGRESQL.newDatabaseUrl();
        Settings settings = TestServer.settings(
                url, Settings.DEFAULT_MAX_BODY_BYTES, NetworkPolicy.strict(), Settings.DEFAULT_WEBHOOK_TIMEOUT);
        try (TestServer server = TestServer.start(settings, InstantSource.system());
                Connection listener = DriverManager.getConnection(url)) {
            listener.createStatement().execute("LISTEN " + ClusterSignals.CHANNEL);
            Api api = server.api();
            api.post("/v1/forms", Fixtures.blogForm());
            Set<String> created = ConcurrentHashMap.newKeySet();
            List.of(1, 2, 3, 4, 5, 6, 7, 8).parallelStream()
                    .forEach(i -> created.add(api.post(
                                    "/v1/reviews",
                                    Map.of(
                                            "formId",
                                            "blog-review",
                                            "runId",
                                            "run-" + i,
                                            "blockId",
                                            "gate",
                                            "fields",
                                            Fixtures.blogFields("Post " + i, "https://cdn.example.com/a.jpg")))
                            .body()
                            .get("reviewId")
                            .asText()));

            Set<String> decided = ConcurrentHashMap.newKeySet();
            List.of(1, 2, 3, 4).parallelStream().forEach(i -> {
                JsonNode review = api.post(
                                "/v1/reviews",
                                Map.of(
                                        "formId",
                                        "blog-review",
                                        "fields",
                                        Fixtures.blogFields("Plain " + i, "https://cdn.example.com/a.jpg")))
                        .body();
                api.post(
                        "/v1/reviews/" + review.get("reviewId").asText() + "/approve",
                        Map.of("versionId", review.get("versionId").asText()));
                decided.add(review.get("reviewId").asText());
            });
            created.addAll(decided);

            Set<String> announced = new HashSet<>();
            long deadline = System.currentTimeMillis() + 10_000;
            PGConnection pg = listener.unwrap(PGConnection.class);
            while (!announced.containsAll(created) && System.currentTimeMillis() < deadline) {
                PGNotification[] notifications = pg.getNotifications(500);
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        JsonNode payload = Json.parse(n.getParameter());
                        announced.add(payload.get(1).asText());
                    }
                }
            }
            assertThat(announced).containsAll(created);
        }
    }
}
