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

    void machine(String pgAdminUrl) throws Exception {
        machine.add("- CPU: " + Runtime.getRuntime().availableProcessors() + " cores; memory: " + memTotal());
        machine.add("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection c = DriverManager.getConnection(pgAdminUrl)) {
            machine.add("- PostgreSQL " + one(c, "SHOW server_version") + " (embedded, same machine): fsync="
                    + one(c, "SHOW fsync") + ", synchronous_commit=" + one(c, "SHOW synchronous_commit")
                    + ", wal_sync_method=" + one(c, "SHOW wal_sync_method"));
        }
        machine.add("- SQLite (sqlite-jdbc 3.53.4): journal_mode=WAL, synchronous=FULL, IMMEDIATE transactions");
        machine.add("- " + Bench.CLIENTS + " concurrent clients; measuring windows of " + Bench.WINDOW.toSeconds()
                + " s; the server runs as its own JVM process (`-Xmx2g`), on the same 2 cores as the load");
    }

    void ceiling(String database, Stats s) {
        rows.add(String.format(
                "| ceiling | single-row INSERT commits/s, %s, %d clients, no HTTP | %.0f/s | %.1f ms | %.1f ms | 1.00 |",
                database, Bench.CLIENTS, s.perSecond(), s.p50Ms(), s.p99Ms()));
        print(rows.get(rows.size() - 1));
    }

    void row(String id, String what, Stats s, Stats ceiling) {
        rows.add(String.format(
                "| %s | %s | %.0f/s | %.1f ms | %.1f ms | %.2f |",
                id, what, s.perSecond(), s.p50Ms(), s.p99Ms(), s.perSecond() / ceiling.perSecond()));
        print(rows.get(rows.size() - 1));
    }

    void waiters(Waiters.Result r) {
        rows.add(String.format(
                "| P3 | decision → waiter answered, %,d parked, same instance | | %.1f ms | %.1f ms | |",
                r.parked(), r.sameInstance().p50Ms(), r.sameInstance().p99Ms()));
        rows.add(String.format(
                "| P3 | decision → waiter answered, %,d parked, across instances (LISTEN/NOTIFY) | | %.1f ms | %.1f ms | |",
                r.parked(), r.acrossInstances().p50Ms(), r.acrossInstances().p99Ms()));
        notes.add(String.format(
                "- Server RSS with %,d waiters parked: **%d MiB** (the whole JVM process, `-Xmx2g`).",
                r.parked(), r.rssMib()));
        rows.subList(rows.size() - 2, rows.size()).forEach(Report::print);
        print(notes.get(notes.size() - 1));
    }

    void webhooks(String database, WebhookDrain.Result r, Stats ceiling) {
        rows.add(String.format(
                "| P4 | decision → first webhook attempt, %s | | %.1f ms | %.1f ms | |",
                database, r.firstAttempt().p50Ms(), r.firstAttempt().p99Ms()));
        rows.add(String.format(
                "| P4 | webhook deliveries/s (backlog of %,d), %s | %.0f/s | | | %.2f |",
                WebhookDrain.BACKLOG,
                database,
                r.deliveriesPerSecond(),
                r.deliveriesPerSecond() / ceiling.perSecond()));
        rows.subList(rows.size() - 2, rows.size()).forEach(Report::print);
    }

    void queue(QueueDepth.Result r) {
        rows.add(String.format(
                "| P5 | queue page (50), %,d open reviews, first page | | %.1f ms | %.1f ms | |",
                QueueDepth.ROWS, r.firstPage().p50Ms(), r.firstPage().p99Ms()));
        rows.add(String.format(
                "| P5 | queue page (50), %,d open reviews, cursor %,d deep | | %.1f ms | %.1f ms | |",
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
        out.add("| id | what | throughput | p50 | p99 | ratio to the ceiling |");
        out.add("|---|---|---|---|---|---|");
        out.addAll(rows);
        out.add("");
        out.addAll(notes);
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
