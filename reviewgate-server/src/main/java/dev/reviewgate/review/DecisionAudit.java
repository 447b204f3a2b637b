package dev.reviewgate.review;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.event.EventType;
import org.jdbi.v3.core.Handle;

/**
 * Puts each decision, vote, claim, release and assignment on the audit log, from {@link Outbox#emit}:
 * every one of them is emitted there, in its transaction, so none can be missed and none is
 * recorded twice. The entry carries the change's own channel ({@code via}).
 */
final class DecisionAudit {

    private DecisionAudit() {}

    /** Records {@code type} when it is an audited action; other events are not audit entries. */
    static void record(Handle h, Review review, EventType type, Outbox.Change change) {
        String action = switch (type) {
            case APPROVED -> AuditActions.REVIEW_APPROVED;
            case REJECTED -> AuditActions.REVIEW_REJECTED;
            case VOTED -> "review.voted";
            case CLAIMED -> "review.claimed";
            case RELEASED -> "review.released";
            case ASSIGNED -> "review.assigned";
            default -> null;
        };
        if (action == null) {
            return;
        }
        AuditEvent event = AuditEvent.of(review.accountId(), action)
                .by(change.actor())
                .via(change.via())
                .review(review.id())
                .with("formId", review.formId())
                .with("versionId", change.versionId());
        Decision decision = review.decision();
        if (type == EventType.APPROVED || type == EventType.REJECTED) {
            event = event.with("reason", decision == null ? null : decision.reason());
        }
        Audit.record(h, change.at(), event);
    }
}
