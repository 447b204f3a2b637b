package dev.reviewgate.webhook;

import dev.reviewgate.event.EventType;
import dev.reviewgate.kernel.Ids;
import org.jdbi.v3.core.Handle;

/**
 * Decides, in the transaction that writes an event, where it must go: the review's webhook URL
 * (its own, else its form's) and every live endpoint of the account whose filters match. The
 * delivery rows commit with the event, so a crash after commit loses nothing. Only a commit that
 * planned deliveries wakes the dispatcher; changes nobody subscribed to cost it nothing.
 */
public final class DeliveryPlanner implements EventPlanner {

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final Ids ids;
    private final Runnable afterCommit;

    /** {@code afterCommit} runs once the transaction that planned deliveries has committed. */
    public DeliveryPlanner(EndpointRepository endpoints, DeliveryRepository deliveries, Ids ids, Runnable afterCommit) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.ids = ids;
        this.afterCommit = afterCommit;
    }

    /** Inserts one pending delivery per target of {@code eventId}; returns how many. */
    @Override
    public int plan(Handle h, EventPlanner.Subject review, String eventId, EventType type, long now) {
        int planned = 0;
        if (review.webhookUrl() != null) {
            insert(h, review, eventId, null, review.webhookUrl(), now);
            planned++;
        }
        for (Endpoint endpoint : endpoints.forPlanning(h, review.accountId())) {
            if (endpoint.wants(type.event(), review.formId())) {
                insert(h, review, eventId, endpoint.id(), endpoint.url(), now);
                planned++;
            }
        }
        if (planned > 0) {
            h.afterCommit(afterCommit);
        }
        return planned;
    }

    private void insert(
            Handle h, EventPlanner.Subject review, String eventId, String endpointId, String url, long now) {
        deliveries.insert(
                h,
                new Delivery(
                        review.accountId(),
                        ids.next("msg"),
                        Delivery.Target.webhook(eventId, review.reviewId(), endpointId, url),
                        Delivery.Progress.due(now),
                        now,
                        now));
    }
}
