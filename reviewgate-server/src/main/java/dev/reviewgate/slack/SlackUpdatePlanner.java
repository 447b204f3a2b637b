package dev.reviewgate.slack;

import dev.reviewgate.event.EventType;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.webhook.Delivery;
import dev.reviewgate.webhook.DeliveryChannel;
import dev.reviewgate.webhook.DeliveryRepository;
import dev.reviewgate.webhook.EventPlanner;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * In the transaction of a claim, a release, a vote, a decision or a new version, by whatever
 * channel: one update for every card posted for the review, so each shows where it now stands.
 * An account without a Slack app (its own or the instance's) has nothing to update cards with, so
 * its events look for no cards.
 */
public final class SlackUpdatePlanner implements EventPlanner {

    static final Set<EventType> TRIGGERS = Set.of(
            EventType.CLAIMED,
            EventType.RELEASED,
            EventType.APPROVED,
            EventType.REJECTED,
            EventType.EXPIRED,
            EventType.VOTED,
            EventType.UPDATED,
            EventType.EDITED);

    private final SlackApps apps;
    private final SlackCards cards;
    private final DeliveryRepository deliveries;
    private final Ids ids;
    private final Runnable afterCommit;

    public SlackUpdatePlanner(
            SlackApps apps, SlackCards cards, DeliveryRepository deliveries, Ids ids, Runnable afterCommit) {
        this.apps = apps;
        this.cards = cards;
        this.deliveries = deliveries;
        this.ids = ids;
        this.afterCommit = afterCommit;
    }

    @Override
    public int plan(Handle h, Subject subject, String eventId, EventType type, long now) {
        if (!TRIGGERS.contains(type) || !apps.available(h, subject.accountId())) {
            return 0;
        }
        List<SlackCards.Card> posted = cards.of(h, subject.accountId(), subject.reviewId());
        int planned = 0;
        for (SlackCards.Card card : posted) {
            boolean inserted = deliveries.insert(
                    h,
                    new Delivery(
                            subject.accountId(),
                            ids.next("ntf"),
                            new Delivery.Target(
                                    eventId,
                                    subject.reviewId(),
                                    null,
                                    SlackUpdateChannel.destination(card),
                                    DeliveryChannel.SLACK_UPDATE,
                                    null),
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
