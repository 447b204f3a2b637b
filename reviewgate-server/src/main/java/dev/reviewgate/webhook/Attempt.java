package dev.reviewgate.webhook;

/**
 * One try at a delivery, as logged: when, how long, what came back (status and the first KiB of
 * the body) or what went wrong. {@code applied} is false when the attempt's lease had expired and
 * its result was discarded (another worker owned the delivery by then).
 */
public record Attempt(
        String id,
        String deliveryId,
        int attempt,
        long startedAt,
        long durationMs,
        Integer statusCode,
        String responseExcerpt,
        String error,
        boolean applied) {

    public static final int MAX_EXCERPT = 1024;
}
