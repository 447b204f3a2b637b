package dev.reviewgate.review;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.event.EventType;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;
import org.jdbi.v3.core.Handle;

/**
 * Puts each decision on the audit log, from {@link Outbox#emit}: every decision is emitted there, in
 * its transaction, so none can be missed and none is recorded twice.
 */
final class DecisionAudit {

    private DecisionAudit() {}

    /** Records {@code type} when it is a decision; other events are not audit entries. */
    static void record(Handle h, Review review, EventType type, Actor actor, String versionId, long now) {
        if (type != EventType.APPROVED && type != EventType.REJECTED) {
            return;
        }
        Decision decision = review.decision();
        AuditEvent event = AuditEvent.of(
                        review.accountId(),
                        type == EventType.APPROVED ? AuditActions.REVIEW_APPROVED : AuditActions.REVIEW_REJECTED)
                .by(actor)
                .review(review.id())
                .with("formId", review.formId())
                .with("versionId", versionId)
                .with("reason", decision == null ? null : decision.reason());
        Audit.record(h, now, Actor.REVIEW_POLICY.equals(actor) ? event.via(Via.POLICY) : event);
    }
}
