package dev.reviewgate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Collects the figures, prints them, and rewrites the generated section of docs/benchmarks.md. */
final class Report {

    static final Path DOC = Path.of("docs", "benchmarks.md");
    static final String START = "<!-- reviewgate-bench: start -->";
    static final String END = "<!-- reviewgate-bench: end -->";

    private final List<String> machine = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    /** The targets. */
    static final double CPU_MS_PER_OP = 0.5;

    static final double P99_MS = 50;
    static final double P99_OVER_P50 = 5;
    static final double P3_P99_MS = 20;
    static final long RSS_MIB = 512;

    void machine(String pgAdminUrl) throws Exception {
        machine.add("- CPU: " + Runtime.getRuntime().availableProcessors() + " cores; memory: " + memTotal());
        machine.add("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection c = DriverManager.getConnection(pgAdminUrl)) {
            machine.add("- PostgreSQL " + one(c, "SHOW server_version") + " (embedded, same machine): fsync="
                    + one(c, "SHOW fsync") + ", synchronous_commit=" + one(c, "SHOW synchronous_commit")
                    + ", wal_sync_method=" + one(c, "SHOW wal_sync_method"));
        }
        machine.add("- SQLite (sqlite-jdbc 3.53.4): journal_mode=WAL, synchronous=FULL, IMMEDIATE transactions");
        machine.add("- " + Bench.CLIENTS + " and " + Bench.MANY_CLIENTS + " concurrent clients; measuring windows of "
                + Bench.WINDOW.toSeconds() + " s; the server runs as its own JVM process (`"
                + String.join(" ", JvmOptions.server()) + "`), on the same 2 cores as the load; its CPU per"
                + " operation is its user + system time from `/proc/<pid>/stat` over the window, divided by the"
                + " operations in it");
    }

    void warmUp(String database, ApiWorkloads.WarmUp w) {
        notes.add(String.format(
                "- %s: the warm-up (untimed creates, each approved, at %d and %d clients in turn) took %d s;"
                        + " in its last round the JIT compiler used %.0f%% of the server's CPU.",
                database, Bench.CLIENTS, Bench.MANY_CLIENTS, w.took().toSeconds(), 100 * w.lastJitShare()));
        print(notes.get(notes.size() - 1));
    }

    void ceiling(String database, Stats s) {
        check("ceiling " + database, s);
        rows.add(String.format(
                "| ceiling | single-row INSERT commits/s, %s, no HTTP | %d | %.0f/s | %.1f ms | %.1f ms | (database) | 1.00 |",
                database, Bench.CLIENTS, s.perSecond(), s.p50Ms(), s.p99Ms()));
        print(rows.get(rows.size() - 1));
    }

    /**
     * A create or decision row, and its targets: server CPU per operation, p99 bounded absolutely
     * and against p50, and (for P1 and P6 at the ceiling's concurrency) the ratio to the ceiling.
     */
    void api(String id, String what, String database, Throughput t, Stats ceiling, double ceilingShare) {
        Stats s = t.stats();
        String name = id + " " + what + ", " + database + ", " + t.clients() + " clients";
        check(name, s);
        boolean postgres = "PostgreSQL".equals(database);
        double ratio = s.perSecond() / ceiling.perSecond();
        rows.add(String.format(
                "| %s | %s over HTTP, %s | %d | %.0f/s | %.1f ms | %.1f ms | %.2f ms (%s; %s) | %.2f |",
                id,
                what,
                database,
                t.clients(),
                s.perSecond(),
                s.p50Ms(),
                s.p99Ms(),
                t.cpuMsPerOp(),
                t.split().shares(),
                t.coresUsed(postgres),
                ratio));
        print(rows.get(rows.size() - 1));
        target(
                name + ": server CPU per operation <= " + CPU_MS_PER_OP + " ms",
                String.format("%.2f ms (%s)", t.cpuMsPerOp(), t.split().shares()),
                t.cpuMsPerOp() <= CPU_MS_PER_OP);
        target(
                name + ": p99 <= " + P99_MS + " ms and <= " + P99_OVER_P50 + " x p50",
                String.format(
                        "p99 %.1f ms = %.1f x p50 (%.1f ms); by Little's law %d clients at %.0f/s wait %.1f ms on"
                                + " average",
                        s.p99Ms(), s.p99Ms() / s.p50Ms(), s.p50Ms(), t.clients(), s.perSecond(), t.queueingMs()),
                s.p99Ms() <= P99_MS && s.p99Ms() <= P99_OVER_P50 * s.p50Ms());
        if (ceilingShare > 0) {
            target(
                    String.format("%s: >= %.2f x the %s ceiling of the same run", name, ceilingShare, database),
                    String.format(
                            "%.0f/s = %.2f x %.0f/s; %s",
                            s.perSecond(), ratio, ceiling.perSecond(), t.coresUsed(postgres)),
                    ratio >= ceilingShare);
        }
    }

    void waiters(Waiters.Result r) {
        check("P3 same instance", r.sameInstance());
        check("P3 across instances", r.acrossInstances());
        rows.add(String.format(
                "| P3 | decision → waiter answered, %,d parked, same instance | 1 | | %.1f ms | %.1f ms | | |",
                r.parked(), r.sameInstance().p50Ms(), r.sameInstance().p99Ms()));
        rows.add(String.format(
                "| P3 | decision → waiter answered, %,d parked, across instances (LISTEN/NOTIFY) | 1 | | %.1f ms | %.1f ms | | |",
                r.parked(), r.acrossInstances().p50Ms(), r.acrossInstances().p99Ms()));
        if (r.rssMib() <= 0) {
            throw new IllegalStateException("an RSS of " + r.rssMib() + " MiB is impossible");
        }
        notes.add(String.format(
                "- Server RSS with %,d waiters parked: **%d MiB** (the whole JVM process, started with `%s`).",
                r.parked(), r.rssMib(), String.join(" ", JvmOptions.server())));
        rows.subList(rows.size() - 2, rows.size()).forEach(Report::print);
        print(notes.get(notes.size() - 1));
        target(
                "P3 wake-up p99, " + r.parked() + " parked, same instance: <= " + P3_P99_MS + " ms",
                String.format(
                        "%.1f ms (%d timed)",
                        r.sameInstance().p99Ms(), r.sameInstance().count()),
                r.sameInstance().p99Ms() <= P3_P99_MS);
        target(
                "P3 wake-up p99, " + r.parked() + " parked, across instances: <= " + P3_P99_MS + " ms",
                String.format(
                        "%.1f ms (%d timed)",
                        r.acrossInstances().p99Ms(), r.acrossInstances().count()),
                r.acrossInstances().p99Ms() <= P3_P99_MS);
        target(
                String.format("server RSS with %,d parked waiters <= %d MiB", r.parked(), RSS_MIB),
                r.rssMib() + " MiB",
                r.rssMib() <= RSS_MIB);
    }

    void webhooks(String database, WebhookDrain.Result r, Stats ceiling) {
        check("P4 " + database, r.firstAttempt());
        positive("P4 deliveries/s " + database, r.deliveriesPerSecond());
        positive("P4 CPU per delivery " + database, r.cpuMsPerDelivery());
        rows.add(String.format(
                "| P4 | decision → first webhook attempt, %s | 1 | | %.1f ms | %.1f ms | | |",
                database, r.firstAttempt().p50Ms(), r.firstAttempt().p99Ms()));
        rows.add(String.format(
                "| P4 | webhook deliveries/s (backlog of %,d), %s | | %.0f/s | | | %.2f ms (whole process) | %.2f |",
                WebhookDrain.BACKLOG,
                database,
                r.deliveriesPerSecond(),
                r.cpuMsPerDelivery(),
                r.deliveriesPerSecond() / ceiling.perSecond()));
        rows.subList(rows.size() - 2, rows.size()).forEach(Report::print);
    }

    void queue(QueueDepth.Result r) {
        check("P5 first page", r.firstPage());
        check("P5 deep page", r.deepPage());
        rows.add(String.format(
                "| P5 | queue page (50), %,d open reviews, first page | 1 | | %.1f ms | %.1f ms | | |",
                QueueDepth.ROWS, r.firstPage().p50Ms(), r.firstPage().p99Ms()));
        rows.add(String.format(
                "| P5 | queue page (50), %,d open reviews, cursor %,d deep | 1 | | %.1f ms | %.1f ms | | |",
                QueueDepth.ROWS,
                QueueDepth.DEEP,
                r.deepPage().p50Ms(),
                r.deepPage().p99Ms()));
        notes.add("- P5's 1,000,000 rows were inserted in one statement, then vacuumed and analysed, in "
                + r.insertSeconds() + " s.");
        rows.subList(rows.size() - 2, rows.size()).forEach(Report::print);
    }

    void finish(Duration took) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(START);
        out.add("Measured " + LocalDate.now(ZoneOffset.UTC) + " with `reviewgate-bench/run` (the whole run took "
                + took.toMinutes() + " min " + took.toSecondsPart() + " s).");
        out.add("");
        out.addAll(machine);
        out.add("");
        out.add(
                "| id | what | clients | throughput | p50 | p99 | server CPU per op (by kind of thread) | ratio to the ceiling |");
        out.add("|---|---|---|---|---|---|---|---|");
        out.addAll(rows);
        out.add("");
        out.addAll(notes);
        out.add("");
        out.add("Against the targets ("
                + targets.stream().filter(t -> t.endsWith("| met |")).count() + " of " + targets.size() + " met):");
        out.add("");
        out.add("| target | measured | result |");
        out.add("|---|---|---|");
        out.addAll(targets);
        out.add(END);
        System.out.println();
        out.forEach(System.out::println);
        if (Files.exists(DOC)) {
            String doc = Files.readString(DOC);
            int s = doc.indexOf(START);
            int e = doc.indexOf(END);
            if (s >= 0 && e > s) {
                Files.writeString(DOC, doc.substring(0, s) + String.join("\n", out) + doc.substring(e + END.length()));
                System.out.println("Updated " + DOC);
            }
        }
    }

    private void target(String what, String measured, boolean met) {
        targets.add("| " + what + " | " + measured + " | " + (met ? "met" : "**missed**") + " |");
        print("target: " + what + ": " + measured + " -> " + (met ? "met" : "MISSED"));
    }

    /** Fails the run rather than print a figure that cannot be: every percentile in order, every rate above zero. */
    static void check(String name, Stats s) {
        double p50 = s.p50Ms();
        double p99 = s.p99Ms();
        double max = s.maxMs();
        double min = s.samples().getFirst() / 1e6;
        if (!(0 <= min && min <= p50 && p50 <= p99 && p99 <= max) || !Double.isFinite(max)) {
            throw new IllegalStateException(String.format(
                    "%s: impossible percentiles min %.3f, p50 %.3f, p99 %.3f, max %.3f ms", name, min, p50, p99, max));
        }
        positive(name + " rate", s.perSecond());
        if (s.elapsedNanos() / 1e6 < s.samples().getLast() / 1e6) {
            throw new IllegalStateException(name + ": a sample is longer than its whole window");
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalStateException(name + ": " + value + " is not a possible figure");
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024 / 1024 + " GiB";
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors() + " cores";
    }

    private static String one(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void print(String line) {
        System.out.println("  " + line);
    }
}
