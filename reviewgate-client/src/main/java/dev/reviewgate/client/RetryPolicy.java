package dev.reviewgate.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a safe request again: exponential backoff from
 * {@code base} with ±50% jitter (so many agents hit by one outage do not retry in lockstep), and
 * the server's {@code Retry-After} when it gives one.
 *
 * @param maxRetries retries after the first attempt
 * @param base       the first delay before jitter; it doubles on every retry
 * @param maxDelay   the longest the SDK waits by itself; a longer {@code Retry-After} is handed to the caller
 */
record RetryPolicy(int maxRetries, Duration base, Duration maxDelay) {

    static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(30));

    static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** The delay before retry number {@code retry} (0-based), or null when the SDK should give up. */
    Duration delay(int retry, Duration retryAfter) {
        if (retry >= maxRetries) {
            return null;
        }
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? null : retryAfter;
        }
        long millis = base.toMillis() << Math.min(retry, 20);
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.min(maxDelay.toMillis(), Math.round(millis * jitter)));
    }
}
