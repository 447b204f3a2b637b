package dev.reviewgate.webhook;

import dev.reviewgate.event.EventType;
import dev.reviewgate.routing.Assignees;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Decides, in the transaction that writes an event, what must be delivered because of it: webhooks
 * ({@link DeliveryPlanner}) and notifications. What it plans commits with the event or not at all.
 */
@FunctionalInterface
public interface EventPlanner {

    /**
     * What an event is about, as far as routing it goes.
     *
     * @param webhookUrl the review's own webhook URL, else its form's, or null
     * @param assignees  who the review is assigned to after the change
     * @param pending    whether the review waits for a person after the change
     */
    record Subject(
            String accountId,
            String reviewId,
            String formId,
            int formRevision,
            String webhookUrl,
            Assignees assignees,
            boolean pending) {}

    /** Plans the deliveries {@code eventId} needs; returns how many. */
    int plan(Handle h, Subject subject, String eventId, EventType type, long now);

    /** Every planner in turn. */
    static EventPlanner all(List<EventPlanner> planners) {
        List<EventPlanner> each = List.copyOf(planners);
        return (h, subject, eventId, type, now) -> each.stream()
                .mapToInt(p -> p.plan(h, subject, eventId, type, now))
                .sum();
    }
}
