package dev.reviewgate.timer;

/**
 * A timer row this worker holds a lease on: whose it is, which kind ({@code deadline} or
 * {@code reminder}), the due time it was claimed at, and the lease token that proves the claim.
 */
public record DueTimer(String accountId, String reviewId, String kind, long dueAt, String token) {}
