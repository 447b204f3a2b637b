package dev.reviewgate.review;

import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.Reminders;
import java.util.List;
import java.util.stream.Stream;

/**
 * The human side of a review: who holds it, when it is due and what then happens, and how many
 * reminders and escalations it has had.
 *
 * @param claim         the last claim (possibly lapsed), or null
 * @param dueAt         the absolute due time, or null without a deadline
 * @param deadline      the deadline as given (or the form's default), or null
 * @param remind        the reminders as given, or null
 * @param remindersSent how many reminders have gone out
 * @param escalations   the escalations so far, oldest first
 */
public record ReviewWork(
        Claim claim, Long dueAt, Deadline deadline, Reminders remind, int remindersSent, List<Escalation> escalations) {

    public static final ReviewWork NONE = new ReviewWork(null, null, null, null, 0, List.of());

    public ReviewWork {
        escalations = List.copyOf(escalations);
    }

    /** The claim if it is still live at {@code now}. */
    public Claim liveClaim(long now) {
        return claim != null && claim.isLiveAt(now) ? claim : null;
    }

    public ReviewWork withClaim(Claim newClaim) {
        return new ReviewWork(newClaim, dueAt, deadline, remind, remindersSent, escalations);
    }

    public ReviewWork withDueAt(long newDueAt) {
        return new ReviewWork(claim, newDueAt, deadline, remind, remindersSent, escalations);
    }

    public ReviewWork withReminderSent() {
        return new ReviewWork(claim, dueAt, deadline, remind, remindersSent + 1, escalations);
    }

    public ReviewWork plusEscalation(Escalation escalation) {
        return new ReviewWork(
                claim,
                escalation.dueAt(),
                deadline,
                remind,
                remindersSent,
                Stream.concat(escalations.stream(), Stream.of(escalation)).toList());
    }

    public boolean isOverdueAt(long now) {
        return dueAt != null && dueAt <= now;
    }
}
