package dev.reviewgate.client;

/** The events of a review, as webhooks and {@code GET …/events} name them ({@link WebhookEvent#eventType()}). */
public enum EventType {
    /** A new review (also one the review policy approved at once). */
    CREATED(WebhookEvent.CREATED),
    /** The agent's update after instructions; the review waits for a person again. */
    UPDATED(WebhookEvent.UPDATED),
    /** A new version by an edit. */
    EDITED(WebhookEvent.EDITED),
    /** A reviewer asked for a retry. */
    INSTRUCTIONS(WebhookEvent.INSTRUCTIONS),
    /** Approved. */
    APPROVED(WebhookEvent.APPROVED),
    /** Rejected. */
    REJECTED(WebhookEvent.REJECTED),
    /** The assignees changed. */
    ASSIGNED(WebhookEvent.ASSIGNED),
    /** A claim was taken or renewed. */
    CLAIMED(WebhookEvent.CLAIMED),
    /** A claim was released. */
    RELEASED(WebhookEvent.RELEASED),
    /** The assignees were reminded. */
    REMINDER(WebhookEvent.REMINDER),
    /** A deadline passed and escalated. */
    ESCALATED(WebhookEvent.ESCALATED),
    /** A deadline passed; its decision event follows. */
    EXPIRED(WebhookEvent.EXPIRED),
    /** An approval vote toward a quorum was recorded. */
    VOTED(WebhookEvent.VOTED),
    /** An event this SDK version does not know yet. */
    UNKNOWN(null);

    private final String event;

    EventType(String event) {
        this.event = event;
    }

    /**
     * The event's name.
     *
     * @return e.g. {@code review.claimed}, or null for {@link #UNKNOWN}
     */
    public String event() {
        return event;
    }

    /**
     * The type of an event name.
     *
     * @param event e.g. {@code review.claimed}
     * @return its type, or {@link #UNKNOWN}
     */
    public static EventType of(String event) {
        for (EventType t : values()) {
            if (t.event != null && t.event.equals(event)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
