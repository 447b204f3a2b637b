package dev.reviewgate.timer;

import dev.reviewgate.event.EventType;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.review.AssigneeRepository;
import dev.reviewgate.review.Escalation;
import dev.reviewgate.review.Outbox;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.review.ReviewStatus;
import dev.reviewgate.review.ReviewTimers;
import dev.reviewgate.review.ReviewWork;
import dev.reviewgate.review.Verdict;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.OnExpire;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Fires one claimed timer inside the caller's transaction: takes the review's row lock, deletes the
 * timer row only if it still carries this claim (else does nothing), applies the deadline's or the
 * reminder's effect with its events, and writes the timers the review needs next.
 *
 * <p>A reminder that falls due while the review waits for the agent ({@code changes_requested}) is
 * skipped: nobody is nudged about work they cannot do yet, and it uses up its slot in the schedule
 * (counted in {@code remindersSent}), which, like {@code dueAt}, stays fixed from creation.
 */
public final class TimerFiring {

    private final ReviewRepository reviews;
    private final AssigneeRepository assigneeRows;
    private final ReviewCommands commands;
    private final Outbox outbox;
    private final ReviewTimers timers;
    private final TimerRepository rows;

    public TimerFiring(
            ReviewRepository reviews,
            AssigneeRepository assigneeRows,
            ReviewCommands commands,
            Outbox outbox,
            ReviewTimers timers,
            TimerRepository rows) {
        this.reviews = reviews;
        this.assigneeRows = assigneeRows;
        this.commands = commands;
        this.outbox = outbox;
        this.timers = timers;
        this.rows = rows;
    }

    /** The review after the timer fired, or empty when the claim was stale or nothing was due. */
    public Optional<Review> fire(Handle h, DueTimer t, long now) {
        Optional<Review> locked = reviews.lockAndLoad(h, t.accountId(), t.reviewId());
        if (!rows.take(h, t) || locked.isEmpty()) {
            return Optional.empty();
        }
        Review review = locked.get();
        ReviewWork work = review.work();
        boolean current = ReviewTimers.DEADLINE.equals(t.kind())
                ? work.dueAt() != null && work.dueAt() == t.dueAt()
                : work.remind() != null
                        && work.remind()
                                        .nextAt(review.createdAt(), work.remindersSent())
                                        .orElse(-1)
                                == t.dueAt();
        if (review.isDecided() || !current) {
            // A stale row (the review moved on in a way that did not reach the timers): put them right.
            timers.sync(h, review);
            return Optional.empty();
        }
        Review after = ReviewTimers.DEADLINE.equals(t.kind()) ? expire(h, review, now) : remind(h, review, now);
        timers.sync(h, after);
        return Optional.of(after);
    }

    private Review expire(Handle h, Review review, long now) {
        ReviewWork work = review.work();
        Deadline deadline = work.deadline();
        OnExpire action = ExpiryRules.action(deadline, work.escalations().size());
        if (action == OnExpire.ESCALATE) {
            long dueAt = now + deadline.escalationSpan(review.createdAt()).toMillis();
            Escalation escalation = new Escalation(now, deadline.escalateTo(), dueAt);
            // One event, one step of the sequence: the escalation's work rides along with the new assignees.
            Review after = review.rescheduled(work.plusEscalation(escalation), now)
                    .withAssignees(review.assignees().plus(deadline.escalateTo()), now);
            assigneeRows.update(h, after);
            reviews.updateState(h, after);
            outbox.emit(h, after, EventType.ESCALATED, change(after, now));
            return after;
        }
        Review expired = review.withWork(work, now);
        reviews.updateState(h, expired);
        outbox.emit(h, expired, EventType.EXPIRED, change(expired, now));
        Verdict verdict = action == OnExpire.APPROVE ? Verdict.APPROVED : Verdict.REJECTED;
        return commands.apply(h, expired, verdict, ExpiryRules.reason(work.dueAt()), change(expired, now));
    }

    private Review remind(Handle h, Review review, long now) {
        ReviewWork work = review.work().withReminderSent();
        if (review.status() == ReviewStatus.CHANGES_REQUESTED) {
            Review skipped = review.rescheduled(work, now);
            reviews.updateState(h, skipped);
            return skipped;
        }
        Review after = review.withWork(work, now);
        reviews.updateState(h, after);
        outbox.emit(h, after, EventType.REMINDER, change(after, now));
        return after;
    }

    private static Outbox.Change change(Review review, long now) {
        return new Outbox.Change(ExpiryRules.DEADLINE, Via.DEADLINE, review.headVersionId(), now);
    }
}
