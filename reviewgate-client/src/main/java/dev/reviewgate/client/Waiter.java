package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Waits on the server's long poll ({@code …/wait?for=…&timeoutSeconds=N}) in chunks of at most
 * 60 s until the condition holds or the overall timeout passes. The server answers the moment the
 * condition becomes true, so a wait returns within milliseconds of the gate or the decision.
 */
final class Waiter {

    /** The server caps one long poll at 60 s. */
    private static final long MAX_CHUNK_SECONDS = 60;

    private final Transport transport;

    Waiter(Transport transport) {
        this.transport = transport;
    }

    /** Waits until {@code condition} ({@code awaiting} or {@code decision}) holds for the review at {@code address}. */
    Review await(ReviewAddress address, String condition, Duration timeout, Duration pollInterval) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Review lastSeen = null;
        while (true) {
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                throw new WaitTimeoutException(condition + " of " + address, timeout, lastSeen);
            }
            // Round up so a sub-second remainder still waits instead of spinning with timeoutSeconds=0.
            long seconds = Math.min(MAX_CHUNK_SECONDS, (remainingNanos + 999_999_999L) / 1_000_000_000L);
            long started = System.nanoTime();
            try {
                JsonNode answer = transport.send(Transport.Call.longPoll(
                        address.path() + "/wait?for=" + condition + "&timeoutSeconds=" + seconds,
                        Duration.ofSeconds(seconds)));
                JsonNode review = answer.get("review");
                lastSeen = review == null || review.isNull() ? null : Json.convert(review, Review.class);
                if (answer.path("ready").asBoolean(false)) {
                    return lastSeen;
                }
                if (System.nanoTime() - started >= Duration.ofSeconds(seconds).toNanos()) {
                    continue;
                }
                // Answered "not ready" early (e.g. a proxy cut the poll short): do not hammer the server.
            } catch (ServerException | RateLimitedException e) {
                // Still failing after the transport's own retries; keep waiting until the deadline.
            } catch (ReviewgateException e) {
                if (e.status() != 0) {
                    throw e;
                }
                // status 0: the server was unreachable for a moment; keep waiting until the deadline.
            }
            sleep(pollInterval, deadline);
        }
    }

    private static void sleep(Duration pollInterval, long deadline) {
        long millis = Math.min(pollInterval.toMillis(), Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReviewgateException(0, null, "interrupted while waiting", e);
        }
    }
}
