package dev.reviewgate.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a delivery again: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h
 * after successive failures, each with ±10% jitter so a receiver that comes back is not hit by
 * every delivery at once. A {@code Retry-After} from the receiver replaces the scheduled delay.
 */
public final class RetrySchedule {

    /** Delays after the 1st, 2nd, … failed attempt; the first attempt is immediate. */
    static final List<Duration> DELAYS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    public static final int MAX_ATTEMPTS = DELAYS.size() + 1;
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private RetrySchedule() {}

    /**
     * The delay before the next attempt after {@code failedAttempts} failures, or empty when the
     * schedule is exhausted and the delivery has failed.
     */
    public static Optional<Duration> next(int failedAttempts, Optional<Duration> retryAfter) {
        if (failedAttempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return Optional.of(
                    asked.compareTo(MAX_RETRY_AFTER) > 0
                            ? MAX_RETRY_AFTER
                            : asked.isNegative() ? Duration.ZERO : asked);
        }
        Duration base = DELAYS.get(failedAttempts - 1);
        long jitter =
                (long) (base.toMillis() * 0.1 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Optional.of(base.plusMillis(jitter));
    }
}
