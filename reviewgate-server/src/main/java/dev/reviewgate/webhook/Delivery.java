package dev.reviewgate.webhook;

/**
 * One event on its way to one URL. {@code id} is the {@code webhook-id}: the same on every attempt,
 * so receivers can deduplicate. {@code status} is {@code pending} until an attempt gets a 2xx
 * ({@code delivered}) or the schedule is exhausted or the target is gone ({@code failed}).
 */
public record Delivery(String accountId, String id, String eventId, String reviewId, String endpointId, String url,
                       String status, int attempts, Long nextAttemptAt, Long leaseExpiresAt, Integer lastStatusCode,
                       String lastError, long createdAt, long updatedAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
