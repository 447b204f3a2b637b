package dev.reviewgate.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.config.Settings;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.TestClock;
import dev.reviewgate.testing.TestDatabase;
import dev.reviewgate.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three server instances (three timer workers) on one PostgreSQL database race for the same due
 * deadlines and reminders: each fires exactly once.
 */
class ThreeInstancesTimerTest {

    private static final int REVIEWS = 300;

    private final TestClock clock = new TestClock();
    private final List<TestServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(TestServer::close);
    }

    @Test
    void eachDueTimerFiresExactlyOnceAcrossThreeInstances() {
        String url = TestDatabase.POSTGRESQL.newDatabaseUrl();
        Settings settings = TestServer.settings(
                url, Settings.DEFAULT_MAX_BODY_BYTES, NetworkPolicy.strict(), Settings.DEFAULT_WEBHOOK_TIMEOUT);
        for (int i = 0; i < 3; i++) {
            servers.add(TestServer.start(settings, clock));
        }
        Api api = servers.get(0).api();
        DeadlineFixture fx = new DeadlineFixture(api, clock);
        fx.createForm();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REVIEWS; i++) {
            ids.add(fx.create("'deadline':{'after':'PT1H'},'remind':{'after':'PT30M'}"));
        }

        fx.pass(Duration.ofMinutes(30).plusSeconds(1));
        awaitCount("SELECT COUNT(*) FROM events WHERE type = 'review.reminder'", REVIEWS);
        fx.pass(Duration.ofMinutes(30));
        awaitCount("SELECT COUNT(*) FROM decisions", REVIEWS);
        DeadlineFixture.pause(1_000);

        assertThat(perReview("review.reminder"))
                .containsOnlyKeys(ids)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(perReview("review.expired"))
                .containsOnlyKeys(ids)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(count("SELECT COUNT(*) FROM decisions WHERE via = 'deadline'"))
                .isEqualTo(REVIEWS);
        assertThat(count("SELECT COUNT(*) FROM events WHERE type = 'review.rejected'"))
                .isEqualTo(REVIEWS);
        assertThat(count("SELECT COUNT(*) FROM timers")).isZero();
    }

    private Map<String, Long> perReview(String type) {
        return servers.get(0)
                .app()
                .database()
                .read(h -> h.createQuery(
                                "SELECT review_id, COUNT(*) AS n FROM events WHERE type = :t GROUP BY review_id")
                        .bind("t", type)
                        .reduceRows(new java.util.HashMap<String, Long>(), (m, row) -> {
                            m.put(row.getColumn("review_id", String.class), row.getColumn("n", Long.class));
                            return m;
                        }));
    }

    private long count(String sql) {
        return servers.get(0)
                .app()
                .database()
                .read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private void awaitCount(String sql, long n) {
        long giveUp = System.currentTimeMillis() + 60_000;
        while (count(sql) < n) {
            assertThat(System.currentTimeMillis()).as("%s reached %d", sql, n).isLessThan(giveUp);
            DeadlineFixture.pause(100);
        }
    }
}
