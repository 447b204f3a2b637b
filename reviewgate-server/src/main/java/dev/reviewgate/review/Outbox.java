package dev.reviewgate.review;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.event.EventRepository;
import dev.reviewgate.event.EventType;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.webhook.EventPlanner;
import org.jdbi.v3.core.Handle;

/**
 * Writes an event for a change, and the deliveries it needs (webhooks and notifications), inside the change's transaction:
 * either all are committed or none. The per-review {@code sequence} lets receivers order events
 * and drop stale ones. Callers take it from the review row their transaction holds locked (or has
 * just inserted) and store it with the row, so it is unique and gap-free per review.
 */
public final class Outbox {

    private final EventRepository events;
    private final AccountRepository accounts;
    private final EventPlanner deliveries;
    private final Ids ids;
    private final String publicUrl;

    public Outbox(
            EventRepository events, AccountRepository accounts, EventPlanner deliveries, Ids ids, String publicUrl) {
        this.events = events;
        this.accounts = accounts;
        this.deliveries = deliveries;
        this.ids = ids;
        this.publicUrl = publicUrl;
    }

    /** Who made a change, through which channel, on which version, and when. */
    public record Change(Actor actor, Via via, String versionId, long at) {}

    /**
     * Records {@code type} for {@code review} as it is after the change; the event's sequence is the
     * review's {@code eventSeq}, which the transition that made the change advanced.
     */
    public void emit(Handle h, Review review, EventType type, Change change) {
        String eventId = ids.next("evt");
        long now = change.at();
        EventPayloads.Context context = new EventPayloads.Context(
                type,
                eventId,
                review.eventSeq(),
                respondingUser(h, review.accountId(), change.actor()),
                change.via(),
                now,
                change.versionId(),
                publicUrl);
        events.insert(
                h,
                review.accountId(),
                eventId,
                review.id(),
                review.eventSeq(),
                type,
                EventPayloads.build(review, context),
                now);
        deliveries.plan(
                h,
                new EventPlanner.Subject(
                        review.accountId(),
                        review.id(),
                        review.formId(),
                        review.formRevision(),
                        review.webhookUrl(),
                        review.assignees(),
                        review.status() == ReviewStatus.PENDING),
                eventId,
                type,
                now);
        // Audit log: decisions, votes, claims and assignments are recorded here, where each of them passes.
        DecisionAudit.record(h, review, type, change);
    }

    /** gotoHuman reports the responding person's e-mail; for models and agents it is their name or id. */
    private String respondingUser(Handle h, String accountId, Actor actor) {
        if (Actor.HUMAN.equals(actor.kind())) {
            var user = accounts.userById(h, accountId, actor.id());
            if (user.isPresent()) {
                return user.get().email();
            }
        }
        return actor.displayName() != null ? actor.displayName() : actor.id();
    }
}
