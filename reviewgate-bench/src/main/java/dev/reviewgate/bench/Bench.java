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

    /** The concurrency: the figures are taken at 8 clients and again at 64. */
    static final int CLIENTS = 8;

    static final int MANY_CLIENTS = Integer.getInteger("bench.manyClients", 64);
    // The sizes below can be shrunk for a quick check that the whole run goes through (figures from
    // such a run are not the benchmark): java -Dbench.window=2 -Dbench.warmUp=2 -Dbench.waiters=500
    // -Dbench.toDecide=500 -Dbench.skipQueue=true -Dbench.manyClients=16
    // -jar reviewgate-bench/target/reviewgate-bench.jar
    static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.window", 15));
    /**
     * Untimed creates and decisions against a freshly started server, at each concurrency in turn,
     * before its first measuring window. It takes this long: with 10 s, the JIT compiler was still
     * a third of the server's CPU in the windows after it (see docs/benchmarks.md).
     */
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmUp", 30));

    static final Duration WARM_UP_MOST = Duration.ofSeconds(Integer.getInteger("bench.warmUpMost", 180));

    static final int WAITERS = Integer.getInteger("bench.waiters", 10_000);
    static final int WAKE_SAMPLE = Math.min(500, WAITERS / 4);
    /** Reviews kept open for the decision rows, beyond P3's: enough for the two windows at the rates seen. */
    static final int TO_DECIDE = Integer.getInteger("bench.toDecide", 12_000);
    /** Untimed decisions before the first timed decision row. */
    static final int DECISION_WARM_UP = Math.min(1_000, TO_DECIDE);

    static final double P1_SHARE_OF_CEILING = 0.25;
    static final double P6_SHARE_OF_CEILING = 0.4;

    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        if (flags.contains("--audit-export")) {
            AuditExport.run();
            return;
        }
        if (flags.contains("--compare")) {
            Compare.run(Path.of(flags.get(flags.indexOf("--compare") + 1)));
            return;
        }
        long started = System.nanoTime();
        Path scratch = Files.createTempDirectory("reviewgate-bench-");
        Report report = new Report();
        boolean postgres = !flags.contains("--sqlite-only");
        if (postgres) {
            try (EmbeddedPostgres pg = postgres()) {
                postgresSuite(flags, report, pg);
            }
        }
        if (flags.contains("--timers") || flags.contains("--p1-only") || flags.contains("--p2-only")) {
            return;
        }
        String sqliteCeilingUrl = "jdbc:sqlite:" + scratch.resolve("ceiling.db");
        step("SQLite ceiling");
        Stats sqliteCeiling = Ceiling.sqlite(sqliteCeilingUrl, CLIENTS, WINDOW);
        report.ceiling("SQLite", sqliteCeiling);
        try (ServerProcess c = ServerProcess.start(
                Map.of(), "--data-dir", scratch.resolve("sqlite").toString())) {
            c.http().post("/v1/forms", ApiWorkloads.FORM);
            ConcurrentLinkedQueue<ApiWorkloads.Created> created = new ConcurrentLinkedQueue<>();
            createRows(report, c, "P6", "SQLite", sqliteCeiling, P6_SHARE_OF_CEILING, created);
            topUp(c.http(), created, DECISION_WARM_UP + TO_DECIDE);
            decisionRows(report, c, "P7", "SQLite", sqliteCeiling, new ArrayList<>(created));
        }
        step("P4 webhooks (SQLite, in-process)");
        report.webhooks("SQLite", WebhookDrain.measure("jdbc:sqlite:" + scratch.resolve("hooks.db")), sqliteCeiling);
        if (postgres) {
            // docs/benchmarks.md holds whole runs only
            report.finish(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** PostgreSQL's part of the suite: its ceiling, P1, P2, P3, P5 and its P4. */
    private static void postgresSuite(List<String> flags, Report report, EmbeddedPostgres pg) throws Exception {
        String admin = pg.getJdbcUrl("postgres", "postgres");
        createDatabases(admin, "reviewgate", "hooks");
        String service = pg.getJdbcUrl("postgres", "reviewgate");
        report.machine(admin);
        if (flags.contains("--timers")) {
            timers(service);
            return;
        }

        step("PostgreSQL ceiling");
        Stats pgCeiling = Ceiling.postgres(admin, CLIENTS, WINDOW);
        report.ceiling("PostgreSQL", pgCeiling);
        try (ServerProcess a = ServerProcess.start(Map.of("REVIEWGATE_DATABASE_URL", service))) {
            a.http().post("/v1/forms", ApiWorkloads.FORM);
            ConcurrentLinkedQueue<ApiWorkloads.Created> created = new ConcurrentLinkedQueue<>();
            createRows(report, a, "P1", "PostgreSQL", pgCeiling, P1_SHARE_OF_CEILING, created);
            if (flags.contains("--p1-only")) {
                return;
            }
            int reserved = WAITERS + 2 * WAKE_SAMPLE;
            topUp(a.http(), created, reserved + DECISION_WARM_UP + TO_DECIDE);
            List<ApiWorkloads.Created> all = new ArrayList<>(created);
            decisionRows(report, a, "P2", "PostgreSQL", pgCeiling, all.subList(reserved, all.size()));
            if (flags.contains("--p2-only")) {
                return;
            }
            step("P3 " + WAITERS + " parked waiters");
            try (ServerProcess b = ServerProcess.start(Map.of("REVIEWGATE_DATABASE_URL", service))) {
                report.waiters(Waiters.measure(a, b, all, WAITERS, WAKE_SAMPLE));
            }
            if (!Boolean.getBoolean("bench.skipQueue")) {
                step("P5 queue pages over 1,000,000 open reviews");
                report.queue(QueueDepth.measure(service, a.http()));
            }
        }
        step("P4 webhooks (PostgreSQL, in-process)");
        report.webhooks("PostgreSQL", WebhookDrain.measure(pg.getJdbcUrl("postgres", "hooks")), pgCeiling);
    }

    static EmbeddedPostgres postgres() throws java.io.IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
    }

    /** A warm-up, then creates at {@link #CLIENTS} and at {@link #MANY_CLIENTS}; what they create is kept. */
    private static void createRows(
            Report report,
            ServerProcess server,
            String id,
            String database,
            Stats ceiling,
            double share,
            ConcurrentLinkedQueue<ApiWorkloads.Created> created)
            throws Exception {
        step(id + " creates (" + database + ")");
        report.warmUp(database, ApiWorkloads.warmUp(server, WARM_UP, WARM_UP_MOST));
        report.api(id, "creates", database, ApiWorkloads.creates(server, CLIENTS, WINDOW, created), ceiling, share);
        report.api(id, "creates", database, ApiWorkloads.creates(server, MANY_CLIENTS, WINDOW, created), ceiling, 0);
    }

    /** Untimed decisions, then decisions at both concurrencies, each on reviews of its own. */
    private static void decisionRows(
            Report report,
            ServerProcess server,
            String id,
            String database,
            Stats ceiling,
            List<ApiWorkloads.Created> open)
            throws Exception {
        step(id + " decisions (" + database + ")");
        ApiWorkloads.decideUntimed(server.http(), CLIENTS, open.subList(0, DECISION_WARM_UP));
        int half = DECISION_WARM_UP + (open.size() - DECISION_WARM_UP) / 2;
        report.api(
                id,
                "decisions",
                database,
                ApiWorkloads.decisions(server, CLIENTS, WINDOW, open.subList(DECISION_WARM_UP, half)),
                ceiling,
                0);
        report.api(
                id,
                "decisions",
                database,
                ApiWorkloads.decisions(server, MANY_CLIENTS, WINDOW, open.subList(half, open.size())),
                ceiling,
                0);
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
            ApiWorkloads.createUntimed(http, CLIENTS, Duration.ofMinutes(5), missing, created);
        }
        if (created.size() < wanted) {
            throw new IllegalStateException("only " + created.size() + " of " + wanted + " reviews were created");
        }
    }

    static void step(String name) {
        System.out.println("== " + name);
    }
}
