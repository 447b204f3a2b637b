package dev.reviewgate.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * P5: a queue of {@value #ROWS} open reviews, written straight into the table (the point is the
 * read path, not the write path), then the first page and a page {@value #DEEP} rows deep, each
 * requested {@value #REQUESTS} times over HTTP.
 */
final class QueueDepth {

    static final int ROWS = 1_000_000;
    static final int DEEP = 900_000;
    /** Enough that the p99 is the 10th-slowest page, not an accident of one or two. */
    static final int REQUESTS = 1_000;

    /** First-page and deep-page latencies, and how long the bulk insert took. */
    record Result(Stats firstPage, Stats deepPage, long insertSeconds) {}

    private QueueDepth() {}

    static Result measure(String jdbcUrl, Http http) throws Exception {
        long base = System.currentTimeMillis() - 365L * 24 * 3600 * 1000;
        long insertStart = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            String account;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM accounts LIMIT 1")) {
                rs.next();
                account = rs.getString(1);
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO reviews (account_id, id, form_id, form_revision, form_name, title, status, is_open,
                        workflow_id, meta, visible_fields, head_version_id, triggered_by, awaiting_since, assigned_to,
                        assigned_groups, round, event_seq, created_at, updated_at)
                    SELECT ?, 'rev_' || lpad(g::text, 26, '0'), 'bench', 1, 'Benchmark form', 'Bulk ' || g,
                        'pending', 1, 'wf_bulk', '{}', '["title"]', 'none', '{"kind":"always"}', ? + g, '[]', '[]', 0, 0,
                        ? + g, ? + g
                    FROM generate_series(1, ?) g""")) {
                insert.setString(1, account);
                insert.setLong(2, base);
                insert.setLong(3, base);
                insert.setLong(4, base);
                insert.setInt(5, ROWS);
                insert.executeUpdate();
            }
            // What a bulk load is followed by in production, and what autovacuum would otherwise be
            // doing on the same 2 cores while the pages are timed: set the visibility map and stats.
            c.createStatement().execute("VACUUM (ANALYZE) reviews");
            // Flush the pages the load and the vacuum dirtied now, not while the pages are timed.
            c.createStatement().execute("CHECKPOINT");
        }
        long insertSeconds = (System.nanoTime() - insertStart) / 1_000_000_000;
        // The cursor the server issues after row DEEP of the default sort (sort, key, createdAt, id),
        // built here instead of paging 18,000 times to get it. Ids are shaped like the server's.
        long deepAt = base + DEEP;
        String cursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("createdAt:" + deepAt + ":" + deepAt + ":rev_" + String.format("%026d", DEEP))
                        .getBytes(StandardCharsets.UTF_8));
        return new Result(
                pages(http, "/v1/reviews?limit=50"),
                pages(http, "/v1/reviews?limit=50&cursor=" + cursor),
                insertSeconds);
    }

    private static Stats pages(Http http, String path) throws Exception {
        for (int i = 0; i < 20; i++) {
            http.get(path);
        }
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            long t = System.nanoTime();
            if (http.get(path).get("data").size() != 50) {
                throw new IllegalStateException("a queue page was not full");
            }
            latencies.add(System.nanoTime() - t);
        }
        return Stats.of(latencies, System.nanoTime() - start);
    }
}
