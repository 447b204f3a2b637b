package dev.reviewgate.bench;

import dev.reviewgate.audit.AuditChain;
import dev.reviewgate.audit.AuditEntry;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.audit.Origin;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit export at scale: {@value #ENTRIES} entries of one account's chain, computed with the
 * server's own hash rule and written straight into the table, then exported over HTTP in one
 * {@code GET /v1/audit} while the server process's RSS and heap are sampled, then verified. The
 * server runs with a heap far smaller than the export ({@value #SERVER_HEAP}), so a server that
 * built the body in memory could not answer at all. Run with {@code reviewgate-bench/run --audit-export}.
 */
final class AuditExport {

    static final int ENTRIES = 1_000_000;
    static final String SERVER_HEAP = "-Xmx256m";
    private static final int BATCH = 5_000;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private AuditExport() {}

    static void run() throws Exception {
        Path scratch = Files.createTempDirectory("reviewgate-bench-audit-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start()) {
            try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"))) {
                c.createStatement().execute("CREATE DATABASE audit");
            }
            String url = pg.getJdbcUrl("postgres", "audit");
            try (ServerProcess server = ServerProcess.start(
                    ServerProcess.JAR, List.of(SERVER_HEAP), Map.of("REVIEWGATE_DATABASE_URL", url))) {
                measure("PostgreSQL", server, url + "&reWriteBatchedInserts=true");
            }
        }
        Path data = scratch.resolve("sqlite");
        try (ServerProcess server =
                ServerProcess.start(ServerProcess.JAR, List.of(SERVER_HEAP), Map.of(), "--data-dir", data.toString())) {
            measure(
                    "SQLite",
                    server,
                    "jdbc:sqlite:" + data.resolve("reviewgate.db").toAbsolutePath());
        }
    }

    private static void measure(String database, ServerProcess server, String jdbcUrl) throws Exception {
        System.out.println("== audit export, " + database + ": inserting " + ENTRIES + " chained entries");
        long insertStart = System.nanoTime();
        insert(jdbcUrl);
        long insertSeconds = (System.nanoTime() - insertStart) / 1_000_000_000;
        export(server, "/v1/audit?limit=10000");
        long rssBefore = server.rssMib();
        long heapBefore = heapUsedMib(server);
        AtomicLong peakRss = new AtomicLong(rssBefore);
        AtomicLong peakHeap = new AtomicLong(heapBefore);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = Thread.ofPlatform().start(() -> sample(server, done, peakRss, peakHeap));
        long start = System.nanoTime();
        long[] linesAndBytes = export(server, "/v1/audit");
        long exportMillis = (System.nanoTime() - start) / 1_000_000;
        done.set(true);
        sampler.join();
        long rssAfter = server.rssMib();
        long verifyStart = System.nanoTime();
        var verified = server.http().get("/v1/audit/verify");
        long verifyMillis = (System.nanoTime() - verifyStart) / 1_000_000;
        if (linesAndBytes[0] < ENTRIES || !verified.get("ok").asBoolean()) {
            throw new IllegalStateException("export or verify failed: " + linesAndBytes[0] + " lines, " + verified);
        }
        System.out.printf(
                "| %s | %,d entries, %,d MiB of NDJSON | %.1f s (%,d entries/s) | RSS %d → peak %d → %d MiB |"
                        + " heap used %d → peak %d MiB | verify %.1f s | insert %d s |%n",
                database,
                linesAndBytes[0],
                linesAndBytes[1] / (1024 * 1024),
                exportMillis / 1000.0,
                linesAndBytes[0] * 1000 / Math.max(1, exportMillis),
                rssBefore,
                peakRss.get(),
                rssAfter,
                heapBefore,
                peakHeap.get(),
                verifyMillis / 1000.0,
                insertSeconds);
    }

    /** Appends {@value #ENTRIES} entries to the first account's chain, linked exactly as the server links them. */
    private static void insert(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.setAutoCommit(false);
            String account;
            long seq;
            String prev;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT account_id, seq, hash FROM audit_heads")) {
                rs.next();
                account = rs.getString(1);
                seq = rs.getLong(2);
                prev = rs.getString(3);
            }
            Origin origin = Origin.of(Via.WEB, "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Benchmark/1.0");
            Actor actor = new Actor(Actor.HUMAN, "usr_bench", "Bench Reviewer");
            long time = System.currentTimeMillis() - ENTRIES;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO audit_entries (account_id, seq, at, action, actor, via, client_address, user_agent,
                                               review_id, details, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 1; i <= ENTRIES; i++) {
                    long s = seq + i;
                    AuditEvent event = AuditEvent.of(account, "review.approved")
                            .by(actor)
                            .review("rev_bench_" + i)
                            .with("formId", "bench")
                            .with("versionId", CanonicalJson.sha256Hex("v" + i));
                    AuditEntry unsigned = new AuditEntry(s, time + i, event, origin, prev, null);
                    String hash = AuditChain.hashOf(unsigned);
                    insert.setString(1, account);
                    insert.setLong(2, s);
                    insert.setLong(3, time + i);
                    insert.setString(4, event.action());
                    insert.setString(5, Json.write(actor.toJson()));
                    insert.setString(6, origin.via().wire());
                    insert.setString(7, origin.clientAddress());
                    insert.setString(8, origin.userAgent());
                    insert.setString(9, event.reviewId());
                    insert.setString(10, CanonicalJson.canonicalize(event.details()));
                    insert.setString(11, prev);
                    insert.setString(12, hash);
                    insert.addBatch();
                    prev = hash;
                    if (i % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head =
                    c.prepareStatement("UPDATE audit_heads SET seq = ?, hash = ? WHERE account_id = ?")) {
                head.setLong(1, seq + ENTRIES);
                head.setString(2, prev);
                head.setString(3, account);
                head.executeUpdate();
            }
            c.commit();
        }
    }

    /** Reads the whole export as a client would, keeping nothing: lines and bytes. */
    private static long[] export(ServerProcess server, String path) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + ServerProcess.KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                bytes += line.length() + 1;
            }
        }
        return new long[] {lines, bytes};
    }

    private static void sample(ServerProcess server, AtomicBoolean done, AtomicLong peakRss, AtomicLong peakHeap) {
        int tick = 0;
        while (!done.get()) {
            try {
                peakRss.accumulateAndGet(server.rssMib(), Math::max);
                if (tick++ % 5 == 0) {
                    peakHeap.accumulateAndGet(heapUsedMib(server), Math::max);
                }
                Thread.sleep(200);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    /** The server's heap in use now, as {@code jcmd GC.heap_info} reports it. */
    private static long heapUsedMib(ServerProcess server) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jcmd = new ProcessBuilder(
                        java.resolveSibling("jcmd").toString(), Long.toString(server.pid()), "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        Matcher m = USED.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }
}
