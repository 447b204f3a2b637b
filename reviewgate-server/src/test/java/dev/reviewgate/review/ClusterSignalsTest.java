package dev.reviewgate.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.db.Database;
import dev.reviewgate.testing.TestDatabase;
import dev.reviewgate.wait.ChangeSignals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Another instance's notification wakes this instance's waiters by itself. The review it names
 * does not exist in the database, so the change poll (the fallback) can never wake them: only the
 * LISTEN connection can.
 */
class ClusterSignalsTest {

    @Test
    void anotherInstancesNotificationWakesTheWaitersOnItsReview() throws Exception {
        String url = TestDatabase.POSTGRESQL.newDatabaseUrl();
        try (Database database = Database.open(url);
                Connection sender = DriverManager.getConnection(url)) {
            database.migrate();
            ChangeSignals<Review> local = new ChangeSignals<>();
            try (ClusterSignals cluster = new ClusterSignals(url, database, local, InstantSource.system(), true);
                    ChangeSignals<Review>.Subscription waiter =
                            local.subscribe(ReviewSignals.keys("acc_other", "rev_only_notified", "run-1", "gate"))) {
                cluster.start();
                PreparedStatement notify = sender.prepareStatement("SELECT pg_notify(?, ?)");
                notify.setString(1, ClusterSignals.CHANNEL);
                notify.setString(2, "[\"acc_other\",\"rev_only_notified\",\"run-1\",\"gate\",\"another-instance\"]");
                // Sent until heard: the LISTEN connection may not be up yet when the first one goes.
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                boolean woken = false;
                while (!woken && System.nanoTime() < giveUp) {
                    notify.execute();
                    try {
                        waiter.fired().get(200, TimeUnit.MILLISECONDS);
                        woken = true;
                    } catch (TimeoutException notYet) {
                        // send it again
                    }
                }
                assertThat(woken).as("woken by the notification alone").isTrue();
            }
        }
    }
}
