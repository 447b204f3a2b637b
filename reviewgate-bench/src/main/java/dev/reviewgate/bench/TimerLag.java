package dev.reviewgate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * T1: {@value #TIMERS} reviews whose deadlines fall due within the same minute (spread evenly over
 * it), created over HTTP before the minute starts; then how late each fired, measured from the
 * {@code review.expired} event's time against the review's {@code dueAt}. Target: p99 at most 1 s.
 * A run whose figures cannot be right fails: a timer missing, firing twice, or firing early.
 */
final class TimerLag {

    static final int TIMERS = 10_000;
    static final Duration LEAD = Duration.ofSeconds(120);
    static final double TARGET_P99_MS = 1_000;

    record Result(Stats lag, long maxMs) {}

    private TimerLag() {}

    static Result measure(Http http, String jdbcUrl, int clients) throws Exception {
        long minute = Instant.now().plus(LEAD).toEpochMilli();
        Stats created = Load.run(clients, Duration.ofMinutes(10), TIMERS, n -> {
            long due = minute + n * 60_000L / TIMERS;
            http.post(
                    "/v1/reviews",
                    Map.of(
                            "formId",
                            "bench",
                            "fields",
                            Map.of("title", "Timer " + n),
                            "deadline",
                            Map.of("at", Instant.ofEpochMilli(due).toString())));
        });
        if (created.samples().size() != TIMERS) {
            throw new IllegalStateException("created " + created.samples().size() + " of " + TIMERS + " reviews");
        }
        if (System.currentTimeMillis() >= minute) {
            throw new IllegalStateException("creating the reviews ran into the minute they fall due in");
        }
        long giveUp = minute + 60_000 + 120_000;
        List<Long> lags = List.of();
        while (System.currentTimeMillis() < giveUp) {
            Thread.sleep(2_000);
            lags = lags(jdbcUrl);
            if (lags.size() >= TIMERS) {
                break;
            }
        }
        if (lags.size() != TIMERS) {
            throw new IllegalStateException(lags.size() + " review.expired events for " + TIMERS + " timers");
        }
        long min = lags.stream().mapToLong(Long::longValue).min().orElseThrow();
        if (min < 0) {
            throw new IllegalStateException("a timer fired " + -min + " ms before it was due");
        }
        List<Long> nanos = new ArrayList<>(lags.size());
        lags.forEach(ms -> nanos.add(ms * 1_000_000));
        long max = lags.stream().mapToLong(Long::longValue).max().orElseThrow();
        return new Result(Stats.of(nanos, Duration.ofMinutes(1).toNanos()), max);
    }

    /** Per review with a {@code review.expired} event: its time minus the due time, in ms. One event per review, or fail. */
    private static List<Long> lags(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT COUNT(*) AS n, MIN(e.created_at) - MIN(r.due_at) AS lag
                        FROM events e JOIN reviews r ON r.account_id = e.account_id AND r.id = e.review_id
                        WHERE e.type = 'review.expired' AND r.form_id = 'bench'
                        GROUP BY e.review_id""")) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                if (rs.getLong("n") != 1) {
                    throw new IllegalStateException("a timer fired " + rs.getLong("n") + " times");
                }
                out.add(rs.getLong("lag"));
            }
            return out;
        }
    }
}
