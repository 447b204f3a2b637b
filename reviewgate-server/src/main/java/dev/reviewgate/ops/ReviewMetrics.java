package dev.reviewgate.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The review metrics: {@code reviewgate_time_to_decision_seconds} by form and channel,
 * {@code reviewgate_reviews_overdue} (read from the database on each scrape) and
 * {@code reviewgate_timer_lag_seconds}, how late each timer fired. Histograms have fixed buckets, so
 * the number of series stays bounded.
 */
public final class ReviewMetrics {

    private static final Duration[] DECISION_BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofHours(1),
        Duration.ofHours(4),
        Duration.ofDays(1),
        Duration.ofDays(7)
    };
    private static final Duration[] LAG_BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30)
    };

    private final MeterRegistry registry;
    private final Timer lag;

    public ReviewMetrics(MeterRegistry registry, LongSupplier overdue) {
        this.registry = registry;
        Gauge.builder("reviewgate.reviews.overdue", overdue, s -> s.getAsLong())
                .description("Open reviews whose deadline has passed")
                .register(registry);
        this.lag = Timer.builder("reviewgate.timer.lag")
                .description("How long after its due time a deadline or reminder fired")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
    }

    /** A decision was committed {@code millis} after its review was created. */
    public void decided(String formId, String via, long millis) {
        Timer.builder("reviewgate.time.to.decision")
                .description("From a review's creation to its decision, by form and channel")
                .tag("form", formId)
                .tag("via", via)
                .serviceLevelObjectives(DECISION_BUCKETS)
                .register(registry)
                .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    /** A timer fired {@code millis} after it was due. */
    public void timerLag(long millis) {
        lag.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }
}
