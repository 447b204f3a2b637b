package dev.reviewgate.actionlink;

import dev.reviewgate.kernel.Via;

/**
 * A one-time link to decide a review from a message, bound to a review, the version the message
 * showed and one action, and (for e-mail) to the person it was sent to. Only the SHA-256 of its
 * token is stored.
 *
 * @param userId the person the link decides as; null for a link on a shared card, which asks
 *               whoever opens it to sign in
 * @param via    the channel the decision is recorded as coming through
 */
public record ActionLink(
        String tokenHash,
        String accountId,
        String userId,
        Via via,
        String reviewId,
        String versionId,
        Action action,
        long createdAt,
        long expiresAt,
        Long usedAt) {

    /** What the link does when confirmed. */
    public enum Action {
        APPROVE("approve"),
        REJECT("reject");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Action fromWire(String wire) {
            return APPROVE.wire.equals(wire) ? APPROVE : REJECT;
        }
    }

    public boolean expired(long now) {
        return now >= expiresAt;
    }
}
