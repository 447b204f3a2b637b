package dev.reviewgate.actionlink;

/**
 * Whether an action link can still decide: only an unused, unexpired link for the head version of
 * a review that waits for a decision can. Anything else shows the review's current state.
 */
public enum LinkState {
    USABLE,
    USED,
    EXPIRED,
    /** The review has a newer version than the one the message showed. */
    SUPERSEDED,
    /** The review was decided, or is back with the agent. */
    CLOSED;

    /**
     * The state of {@code link} for a review in this state.
     *
     * @param headVersionId the review's head version now
     * @param pending       whether the review waits for a person now
     */
    public static LinkState of(ActionLink link, String headVersionId, boolean pending, long now) {
        if (link.usedAt() != null) {
            return USED;
        }
        if (link.expired(now)) {
            return EXPIRED;
        }
        if (!pending) {
            return CLOSED;
        }
        if (!link.versionId().equals(headVersionId)) {
            return SUPERSEDED;
        }
        return USABLE;
    }

    /** What the page says about a link that cannot decide. */
    public String explanation() {
        return switch (this) {
            case USABLE -> "";
            case USED -> "This link was already used.";
            case EXPIRED -> "This link has expired.";
            case SUPERSEDED -> "The review has changed since this message was sent, so this link no longer applies.";
            case CLOSED -> "This review no longer waits for a decision.";
        };
    }
}
