package dev.reviewgate.webhook;

/**
 * One event on its way to one URL. {@code id} is the {@code webhook-id}: the same on every attempt,
 * so receivers can deduplicate. Its status is pending until an attempt gets a 2xx (delivered) or
 * the schedule is exhausted or the target is gone (failed).
 */
public record Delivery(String accountId, String id, Target target, Progress progress, long createdAt, long updatedAt) {

    /**
     * Which event goes where. A webhook goes to an account endpoint or (no endpoint) to the review's
     * or form's URL; a notification goes through its channel to {@code url} (its destination:
     * {@code mailto:}, {@code slack:} or a Teams workflow URL) for the user {@code userId}, if any.
     */
    public record Target(
            String eventId, String reviewId, String endpointId, String url, DeliveryChannel channel, String userId) {

        /** A webhook to {@code url}: an endpoint's, or the review's own when {@code endpointId} is null. */
        public static Target webhook(String eventId, String reviewId, String endpointId, String url) {
            return new Target(eventId, reviewId, endpointId, url, DeliveryChannel.WEBHOOK, null);
        }
    }

    /** How far the delivery got: attempts made, the next one, the lease on it and the last outcome. */
    public record Progress(
            DeliveryStatus status,
            int attempts,
            Long nextAttemptAt,
            Long leaseExpiresAt,
            Integer lastStatusCode,
            String lastError) {

        /** A new delivery, due at {@code now}. */
        public static Progress due(long now) {
            return new Progress(DeliveryStatus.PENDING, 0, now, null, null, null);
        }
    }

    public String eventId() {
        return target.eventId();
    }

    public String reviewId() {
        return target.reviewId();
    }

    public String endpointId() {
        return target.endpointId();
    }

    public String url() {
        return target.url();
    }

    public DeliveryChannel channel() {
        return target.channel();
    }

    public String userId() {
        return target.userId();
    }

    public DeliveryStatus status() {
        return progress.status();
    }

    public int attempts() {
        return progress.attempts();
    }

    public Long nextAttemptAt() {
        return progress.nextAttemptAt();
    }

    public Long leaseExpiresAt() {
        return progress.leaseExpiresAt();
    }

    public Integer lastStatusCode() {
        return progress.lastStatusCode();
    }

    public String lastError() {
        return progress.lastError();
    }
}
