package dev.reviewgate.event;

/**
 * Every state change of a review is one of these events. {@code type} is the gotoHuman-compatible
 * member ({@code instructions}, {@code review}); {@code event} is the full name.
 */
public enum EventType {
    CREATED("review.created", "review.created"),
    UPDATED("review.updated", "review.updated"),
    EDITED("review.edited", "review.edited"),
    INSTRUCTIONS("review.instructions", "instructions"),
    APPROVED("review.approved", "review"),
    REJECTED("review.rejected", "review"),
    ASSIGNED("review.assigned", "review.assigned"),
    CLAIMED("review.claimed", "review.claimed"),
    RELEASED("review.released", "review.released"),
    REMINDER("review.reminder", "review.reminder"),
    ESCALATED("review.escalated", "review.escalated"),
    EXPIRED("review.expired", "review.expired"),
    VOTED("review.voted", "review.voted");

    private final String event;
    private final String type;

    EventType(String event, String type) {
        this.event = event;
        this.type = type;
    }

    public String event() {
        return event;
    }

    public String type() {
        return type;
    }
}
