package dev.reviewgate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The benchmark suite: P1–P6 and, in the same run, the raw insert ceiling of each database with
 * the same durability settings and client concurrency, so every figure is also a ratio. Run it
 * with {@code reviewgate-bench/run} from the repository root.
 */
public final class Bench {

    static final int CLIENTS = 16;
    static final Duration WINDOW = Duration.ofSeconds(15);
    /** Load before a measuring window, so the JIT has compiled the hot paths of a freshly started server. */
    static final Duration WARM_UP = Duration.ofSeconds(10);

    static final int WAITERS = 10_000;
    static final int WAKE_SAMPLE = 500;

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--audit-export")) {
            AuditExport.run();
            return;
        }
        long started = System.nanoTime();
        Path scratch = Files.createTempDirectory("reviewgate-bench-");
        Report report = new Report();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start()) {
            String admin = pg.getJdbcUrl("postgres", "postgres");
            createDatabases(admin, "reviewgate", "hooks");
            String service = pg.getJdbcUrl("postgres", "reviewgate");
            report.machine(admin);
            if (List.of(args).contains("--timers")) {
                timers(service);
                return;
            }

            step("PostgreSQL ceiling");
            Stats pgCeiling = Ceiling.postgres(admin, CLIENTS, WINDOW);
            report.ceiling("PostgreSQL", pgCeiling);
            try (ServerProcess a = ServerProcess.start(Map.of("REVIEWGATE_DATABASE_URL", service))) {
                Http http = a.http();
                http.post("/v1/forms", ApiWorkloads.FORM);
                step("P1 creates (PostgreSQL)");
                ConcurrentLinkedQueue<ApiWorkloads.Created> created = new ConcurrentLinkedQueue<>();
                ApiWorkloads.creates(http, CLIENTS, WARM_UP, 200_000, created);
                report.row(
                        "P1",
                        "creates/s over HTTP, PostgreSQL",
                        ApiWorkloads.creates(http, CLIENTS, WINDOW, 200_000, created),
                        pgCeiling);
                if (List.of(args).contains("--p1-only")) {
                    return;
                }
                topUp(http, created, WAITERS + 2 * WAKE_SAMPLE + 3_000);
                List<ApiWorkloads.Created> all = new ArrayList<>(created);
                step("P2 decisions (PostgreSQL)");
                report.row(
                        "P2",
                        "decisions/s over HTTP, PostgreSQL",
                        ApiWorkloads.decisions(http, CLIENTS, all.subList(all.size() - 3_000, all.size())),
                        pgCeiling);
                step("P3 " + WAITERS + " parked waiters");
                try (ServerProcess b = ServerProcess.start(Map.of("REVIEWGATE_DATABASE_URL", service))) {
                    report.waiters(Waiters.measure(a, b, all, WAITERS, WAKE_SAMPLE));
                }
                step("P5 queue pages over 1,000,000 open reviews");
                report.queue(QueueDepth.measure(service, http));
            }
            step("P4 webhooks (PostgreSQL, in-process)");
            report.webhooks("PostgreSQL", WebhookDrain.measure(pg.getJdbcUrl("postgres", "hooks")), pgCeiling);
        }
        String sqliteCeilingUrl = "jdbc:sqlite:" + scratch.resolve("ceiling.db");
        step("SQLite ceiling");
        Stats sqliteCeiling = Ceiling.sqlite(sqliteCeilingUrl, CLIENTS, WINDOW);
        report.ceiling("SQLite", sqliteCeiling);
        try (ServerProcess c = ServerProcess.start(
                Map.of(), "--data-dir", scratch.resolve("sqlite").toString())) {
            c.http().post("/v1/forms", ApiWorkloads.FORM);
            step("P6 creates (SQLite)");
            ApiWorkloads.creates(c.http(), CLIENTS, WARM_UP, 200_000, new ConcurrentLinkedQueue<>());
            report.row(
                    "P6",
                    "creates/s over HTTP, SQLite",
                    ApiWorkloads.creates(c.http(), CLIENTS, WINDOW, 200_000, new ConcurrentLinkedQueue<>()),
                    sqliteCeiling);
        }
        step("P4 webhooks (SQLite, in-process)");
        report.webhooks("SQLite", WebhookDrain.measure("jdbc:sqlite:" + scratch.resolve("hooks.db")), sqliteCeiling);
        report.finish(Duration.ofNanos(System.nanoTime() - started));
    }

    /** T1 alone ({@code --timers}): timer lag with 10,000 deadlines due in the same minute, PostgreSQL. */
    private static void timers(String service) throws Exception {
        step("T1 " + TimerLag.TIMERS + " timers due in the same minute (PostgreSQL)");
        try (ServerProcess a = ServerProcess.start(Map.of("REVIEWGATE_DATABASE_URL", service))) {
            a.http().post("/v1/forms", ApiWorkloads.FORM);
            TimerLag.Result r = TimerLag.measure(a.http(), service, CLIENTS);
            System.out.printf(
                    "| T1 | timer lag, %,d deadlines due in one minute, PostgreSQL | p50 %.0f ms | p99 %.0f ms"
                            + " | max %d ms | target p99 <= %.0f ms: %s |%n",
                    r.lag().samples().size(),
                    r.lag().p50Ms(),
                    r.lag().p99Ms(),
                    r.maxMs(),
                    TimerLag.TARGET_P99_MS,
                    r.lag().p99Ms() <= TimerLag.TARGET_P99_MS ? "met" : "MISSED");
        }
    }

    private static void createDatabases(String adminUrl, String... names) throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl)) {
            for (String name : names) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
        }
    }

    /** Creates reviews (not measured) until {@code wanted} exist, for the waiters and decisions. */
    private static void topUp(Http http, ConcurrentLinkedQueue<ApiWorkloads.Created> created, int wanted)
            throws Exception {
        int missing = wanted - created.size();
        if (missing > 0) {
            ApiWorkloads.creates(http, CLIENTS, Duration.ofMinutes(5), missing, created);
        }
    }

    private static void step(String name) {
        System.out.println("== " + name);
    }
}
