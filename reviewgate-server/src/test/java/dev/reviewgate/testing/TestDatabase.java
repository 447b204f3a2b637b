package dev.reviewgate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two real databases every storage and API test runs on: a SQLite file in a fresh temp
 * directory, and a fresh database on one embedded PostgreSQL shared by the test JVM.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRESQL;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** A JDBC URL of an empty database, new for each call. */
    public String newDatabaseUrl() {
        return this == SQLITE ? newSqliteUrl() : newPostgresUrl();
    }

    private static String newSqliteUrl() {
        try {
            Path dir = Files.createTempDirectory("reviewgate-test-");
            return "jdbc:sqlite:" + dir.resolve("reviewgate.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String newPostgresUrl() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting anyway
                    }
                }));
            }
            String name = "reviewgate_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL failed to start", e);
        }
    }
}
