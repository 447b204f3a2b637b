package dev.reviewgate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Properties;

/**
 * The raw ceiling of the database under the service: single-row INSERT commits per second from the
 * same number of clients, with the same durability settings, and no HTTP, JSON or validation at all.
 */
final class Ceiling {

    private Ceiling() {}

    static Stats postgres(String url, int clients, Duration duration) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement()
                    .execute(
                            "CREATE TABLE IF NOT EXISTS bench_ceiling (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        }
        return insertLoop(clients, duration, () -> DriverManager.getConnection(url));
    }

    /** SQLite with the service's own settings: WAL, synchronous=FULL (the default), IMMEDIATE, busy_timeout. */
    static Stats sqlite(String url, int clients, Duration duration) throws Exception {
        Properties props = new Properties();
        props.setProperty("journal_mode", "WAL");
        // The service queues its writers on a fair lock in the process; these raw clients queue in
        // SQLite's busy handler, which is not fair, so one may wait long. Commits/s is what counts.
        props.setProperty("busy_timeout", "60000");
        props.setProperty("transaction_mode", "IMMEDIATE");
        try (Connection c = DriverManager.getConnection(url, props)) {
            c.createStatement()
                    .execute(
                            "CREATE TABLE IF NOT EXISTS bench_ceiling (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
        }
        return insertLoop(clients, duration, () -> DriverManager.getConnection(url, props));
    }

    private interface Connector {
        Connection open() throws Exception;
    }

    private static Stats insertLoop(int clients, Duration duration, Connector connector) throws Exception {
        // A ThreadLocal per run, on purpose: it caches each client thread's statement for this run's connector.
        // A static one would be shared by the PostgreSQL and SQLite runs, and stay right only while Load.run
        // never reuses a thread.
        @SuppressWarnings("ThreadLocalUsage")
        ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
        return Load.run(clients, duration, Long.MAX_VALUE, n -> {
            PreparedStatement insert = statements.get();
            if (insert == null) {
                insert = connector.open().prepareStatement("INSERT INTO bench_ceiling (payload) VALUES (?)");
                statements.set(insert);
            }
            insert.setString(1, "row " + n);
            insert.executeUpdate();
        });
    }
}
