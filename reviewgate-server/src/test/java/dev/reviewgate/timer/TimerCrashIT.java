package dev.reviewgate.timer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.JarServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the packaged server while its timers are due and firing: after a restart on
 * the same data every review has expired exactly once (one {@code review.expired}, one decision).
 */
class TimerCrashIT {

    private static final String KEY = "rg_timer_crash_key_0123456789abcdef";
    private static final int REVIEWS = 150;
    private JarServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyTimerFiresExactlyOnceAcrossAKill() throws Exception {
        Path dataDir = Files.createTempDirectory("reviewgate-timer-crash-");
        server = JarServer.onDataDir(dataDir, KEY, Map.of());
        Api api = server.start();
        api.post("/v1/forms", Fixtures.blogForm());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REVIEWS; i++) {
            ids.add(api.post(
                            "/v1/reviews",
                            Map.of(
                                    "formId",
                                    "blog-review",
                                    "fields",
                                    Fixtures.blogFields("Post " + i, "https://cdn.example.com/a.jpg"),
                                    "deadline",
                                    Map.of("after", "PT6S")))
                    .body()
                    .get("reviewId")
                    .asText());
        }
        long firstDecided = awaitDecided(api, 1);

        api = server.restart();
        awaitDecided(api, REVIEWS);

        assertThat(firstDecided).as("killed while timers were still due").isLessThan(REVIEWS);
        for (String id : ids) {
            List<String> events = new ArrayList<>();
            api.get("/v1/reviews/" + id + "/events")
                    .body()
                    .get("data")
                    .forEach(e -> events.add(e.get("event").asText()));
            assertThat(events)
                    .as("events of %s", id)
                    .containsExactly("review.created", "review.expired", "review.rejected");
            assertThat(api.get("/v1/reviews/" + id).body().at("/decision/via").asText())
                    .isEqualTo("deadline");
        }
    }

    /** Polls until at least {@code n} reviews are decided; returns how many were. */
    private static long awaitDecided(Api api, int n) throws InterruptedException {
        long giveUp = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < giveUp) {
            long decided = decided(api);
            if (decided >= n) {
                return decided;
            }
            Thread.sleep(n == 1 ? 5 : 200);
        }
        throw new AssertionError("fewer than " + n + " reviews were decided");
    }

    private static long decided(Api api) {
        long count = 0;
        for (JsonNode r :
                api.get("/v1/reviews?status=rejected&limit=200").body().get("data")) {
            count += r.get("status").asText().equals("rejected") ? 1 : 0;
        }
        return count;
    }
}
