package dev.reviewgate.webhook;

/**
 * One event on its way to one URL. {@code id} is the {@code webhook-id}: the same on every attempt,
 * so receivers can deduplicate. Its status is pending until an attempt gets a 2xx (delivered) or
 * the schedule is exhausted or the target is gone (failed).
 */
public record Delivery(String accountId, String id, Target target, Progress progress, long createdAt, long updatedAt) {

    /** Which event goes where: to an account endpoint, or (no endpoint) to the review's or form's URL. */
    public record Target(String eventId, String reviewId, String endpointId, String url) {}

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
