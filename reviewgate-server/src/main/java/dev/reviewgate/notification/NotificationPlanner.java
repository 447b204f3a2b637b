package dev.reviewgate.notification;

import dev.reviewgate.event.EventType;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.webhook.Delivery;
import dev.reviewgate.webhook.DeliveryRepository;
import dev.reviewgate.webhook.EventPlanner;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Plans the notifications of an event in the event's transaction, as deliveries the dispatcher
 * sends like webhooks. Triggers: a review created or back to pending, assigned, reminded or
 * escalated, while it waits for a person. Each channel's {@link Route} names its destinations;
 * one message goes to each (destination, event), however many routes name it.
 */
public final class NotificationPlanner implements EventPlanner {

    static final Set<EventType> TRIGGERS =
            Set.of(EventType.CREATED, EventType.UPDATED, EventType.ASSIGNED, EventType.REMINDER, EventType.ESCALATED);

    private final FormRepository forms;
    private final RecipientRepository recipients;
    private final DeliveryRepository deliveries;
    private final List<Route> routes;
    private final Ids ids;
    private final Runnable afterCommit;

    /** {@code afterCommit} runs once a transaction that planned notifications has committed. */
    public NotificationPlanner(
            FormRepository forms,
            RecipientRepository recipients,
            DeliveryRepository deliveries,
            List<Route> routes,
            Ids ids,
            Runnable afterCommit) {
        this.forms = forms;
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.routes = List.copyOf(routes);
        this.ids = ids;
        this.afterCommit = afterCommit;
    }

    @Override
    public int plan(Handle h, Subject subject, String eventId, EventType type, long now) {
        if (!TRIGGERS.contains(type) || !subject.pending() || routes.isEmpty()) {
            return 0;
        }
        Audience audience = new Audience(
                subject,
                () -> forms.pinned(h, subject.accountId(), subject.formId(), subject.formRevision())
                        .defaults()
                        .notifications(),
                () -> recipients.of(h, subject.accountId(), subject.assignees()));
        Set<Destination> destinations = new LinkedHashSet<>();
        for (Route route : routes) {
            destinations.addAll(route.destinations(h, audience));
        }
        int planned = 0;
        for (Destination d : destinations) {
            boolean inserted = deliveries.insert(
                    h,
                    new Delivery(
                            subject.accountId(),
                            ids.next("ntf"),
                            new Delivery.Target(eventId, subject.reviewId(), null, d.url(), d.channel(), d.userId()),
                            Delivery.Progress.due(now),
                            now,
                            now));
            planned += inserted ? 1 : 0;
        }
        if (planned > 0) {
            h.afterCommit(afterCommit);
        }
        return planned;
    }
}
