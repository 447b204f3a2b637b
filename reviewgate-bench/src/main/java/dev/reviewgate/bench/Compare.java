package dev.reviewgate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code --compare OLD.jar}: the same workloads against an older build of the server and this one,
 * one after the other in one run, on each database, so a change is measured against what it
 * replaced under the same noise. Prints a table for docs/benchmarks.md (written there by hand).
 */
final class Compare {

    /** The options the benchmark started servers with before the launcher had its own. */
    static final List<String> OLD_OPTIONS = List.of("-Xmx2g");

    /** Reviews decided per build and database (half at each concurrency), and those the waiters share. */
    static final int TO_DECIDE = 4_000;

    static final int WAITED_ON = 500;

    private Compare() {}

    static void run(Path oldJar) throws Exception {
        List<String> rows = new ArrayList<>();
        Path scratch = Files.createTempDirectory("reviewgate-compare-");
        try (EmbeddedPostgres pg = Bench.postgres()) {
            try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"))) {
                c.createStatement().execute("CREATE DATABASE before_change");
                c.createStatement().execute("CREATE DATABASE after_change");
            }
            for (boolean after : new boolean[] {false, true}) {
                String url = pg.getJdbcUrl("postgres", after ? "after_change" : "before_change");
                try (ServerProcess s = start(oldJar, after, Map.of("REVIEWGATE_DATABASE_URL", url))) {
                    rows.addAll(measure(s, after, "PostgreSQL", true));
                }
            }
        }
        for (boolean after : new boolean[] {false, true}) {
            String dir = scratch.resolve(after ? "after" : "before").toString();
            try (ServerProcess s = start(oldJar, after, Map.of(), "--data-dir", dir)) {
                rows.addAll(measure(s, after, "SQLite", false));
            }
        }
        System.out.println();
        System.out.println("| build | database | workload | clients | throughput | p50 | p99 | server CPU per op |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static ServerProcess start(Path oldJar, boolean after, Map<String, String> env, String... args)
            throws Exception {
        return after
                ? ServerProcess.start(ServerProcess.JAR, JvmOptions.server(), env, args)
                : ServerProcess.start(oldJar, OLD_OPTIONS, env, args);
    }

    private static List<String> measure(ServerProcess s, boolean after, String database, boolean waiters)
            throws Exception {
        String build = after ? "after" : "before";
        Bench.step(build + ", " + database);
        List<String> rows = new ArrayList<>();
        s.http().post("/v1/forms", ApiWorkloads.FORM);
        ConcurrentLinkedQueue<ApiWorkloads.Created> created = new ConcurrentLinkedQueue<>();
        ApiWorkloads.WarmUp warm = ApiWorkloads.warmUp(s, Bench.WARM_UP, Bench.WARM_UP_MOST);
        System.out.printf(
                "  warm-up: %d s, the JIT %.0f%% of the server's CPU in its last round%n",
                warm.took().toSeconds(), 100 * warm.lastJitShare());
        for (int clients : new int[] {Bench.CLIENTS, Bench.MANY_CLIENTS}) {
            rows.add(row(
                    build,
                    database,
                    "creates",
                    clients,
                    () -> ApiWorkloads.creates(s, clients, Bench.WINDOW, created)));
        }
        int wanted = Bench.DECISION_WARM_UP + TO_DECIDE + WAITED_ON;
        if (created.size() < wanted) {
            ApiWorkloads.createUntimed(
                    s.http(), Bench.CLIENTS, java.time.Duration.ofMinutes(5), wanted - created.size(), created);
        }
        List<ApiWorkloads.Created> open = new ArrayList<>(created);
        ApiWorkloads.decideUntimed(s.http(), Bench.CLIENTS, open.subList(0, Bench.DECISION_WARM_UP));
        int half = Bench.DECISION_WARM_UP + TO_DECIDE / 2;
        int end = Bench.DECISION_WARM_UP + TO_DECIDE;
        rows.add(row(
                build,
                database,
                "decisions",
                Bench.CLIENTS,
                () -> ApiWorkloads.decisions(
                        s, Bench.CLIENTS, Bench.WINDOW, open.subList(Bench.DECISION_WARM_UP, half))));
        rows.add(row(
                build,
                database,
                "decisions",
                Bench.MANY_CLIENTS,
                () -> ApiWorkloads.decisions(s, Bench.MANY_CLIENTS, Bench.WINDOW, open.subList(half, end))));
        if (waiters) {
            String what = String.format("| %s | %s | RSS with %,d parked waiters | ", build, database, Bench.WAITERS);
            try {
                long rss = Waiters.rssWithParked(s, open.subList(end, end + WAITED_ON), Bench.WAITERS);
                rows.add(what + String.format("| %d MiB | | | |", rss));
            } catch (IllegalStateException | java.util.concurrent.ExecutionException e) {
                rows.add(what + "| " + failed(e) + " | | | |");
            }
        }
        rows.forEach(r -> System.out.println("  " + r));
        return rows;
    }

    private interface Workload {
        Throughput run() throws Exception;
    }

    /** What a failed measurement says in its row: the first error's message, cut short, without table bars. */
    private static String failed(Exception e) {
        Throwable first =
                e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        String why = String.valueOf(first.getMessage());
        why = why.length() > 160 ? why.substring(0, 160) + " ..." : why;
        return "failed: " + why.replace('|', '/');
    }

    /** A row; a window with failed operations is a row that says so (what the older build did is a finding). */
    private static String row(String build, String database, String workload, int clients, Workload w)
            throws Exception {
        Throughput t;
        try {
            t = w.run();
        } catch (IllegalStateException e) {
            return String.format("| %s | %s | %s | %d | %s | | | |", build, database, workload, clients, failed(e));
        }
        Stats st = t.stats();
        Report.check(build + " " + database + " " + workload, st);
        return String.format(
                "| %s | %s | %s | %d | %.0f/s | %.1f ms | %.1f ms | %.2f ms |",
                build, database, workload, t.clients(), st.perSecond(), st.p50Ms(), st.p99Ms(), t.cpuMsPerOp());
    }
}
