package dev.reviewgate.review;

import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.event.EventType;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.routing.Assignees;
import dev.reviewgate.routing.Person;
import dev.reviewgate.routing.RoutingRepository;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.OnExpire;
import dev.reviewgate.wait.ChangeSignals;
import java.time.InstantSource;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * The human side of an open review: claims with leases, assignment and moving the deadline. Like
 * {@link ReviewCommands}, each runs in one transaction on the locked review row, so a claim race has
 * exactly one holder.
 */
public final class WorkCommands {

    private final Database database;
    private final ReviewCommands commands;
    private final ReviewRepository reviews;
    private final AssigneeRepository assigneeRows;
    private final RoutingRepository routing;
    private final PersonGuard guard;
    private final Outbox outbox;
    private final ReviewTimers timers;
    private final ChangeSignals<Review> signals;
    private final InstantSource clock;

    public WorkCommands(
            Database database,
            ReviewCommands commands,
            ReviewRepository reviews,
            AssigneeRepository assigneeRows,
            RoutingRepository routing,
            PersonGuard guard,
            Outbox outbox,
            ReviewTimers timers,
            ChangeSignals<Review> signals,
            InstantSource clock) {
        this.database = database;
        this.commands = commands;
        this.reviews = reviews;
        this.assigneeRows = assigneeRows;
        this.routing = routing;
        this.guard = guard;
        this.outbox = outbox;
        this.timers = timers;
        this.signals = signals;
        this.clock = clock;
    }

    /**
     * Claims the review for {@code req.author()} for {@code ttlSeconds}; the same actor again renews
     * the lease. A live claim by another is a 409 carrying it.
     */
    public Review claim(Principal p, ReviewAddress address, WorkRequests.ClaimRequest req) {
        return change(p, address, (h, review) -> {
            ReviewCommands.requireOpen(review);
            long now = clock.millis();
            guard.requireMayAct(h, p, review, commands.form(h, review));
            Claim live = review.liveClaim(now);
            if (live != null && !live.heldBy(req.author())) {
                throw ReviewJson.claimedByOther(live);
            }
            Claim claim = new Claim(
                    req.author(), p.via(), live != null ? live.claimedAt() : now, now + req.ttlSeconds() * 1000L);
            Review after = review.withClaim(claim, now);
            reviews.updateState(h, after);
            outbox.emit(
                    h, after, EventType.CLAIMED, new Outbox.Change(req.author(), p.via(), after.headVersionId(), now));
            return after;
        });
    }

    /**
     * Releases the live claim. Its holder may; so may an API key, and an admin breaking another's
     * claim explicitly. Without a live claim nothing changes.
     */
    public Review release(Principal p, ReviewAddress address, WorkRequests.ClaimRequest req) {
        return change(p, address, (h, review) -> {
            long now = clock.millis();
            Claim live = review.liveClaim(now);
            if (review.isDecided() || live == null) {
                return review;
            }
            if (!live.heldBy(req.author())) {
                Person person = guard.person(h, p);
                if (person != null && !person.admin()) {
                    throw ReviewJson.claimedByOther(live);
                }
            }
            Review after = review.withClaim(null, now);
            reviews.updateState(h, after);
            outbox.emit(
                    h, after, EventType.RELEASED, new Outbox.Change(req.author(), p.via(), after.headVersionId(), now));
            return after;
        });
    }

    /** Adds to the assignees or replaces them; unknown users or groups are a 422 naming each. */
    public Review assign(Principal p, ReviewAddress address, WorkRequests.AssignRequest req) {
        return change(p, address, (h, review) -> {
            ReviewCommands.requireOpen(review);
            RoutingRepository.Checked checked = routing.check(h, p.accountId(), req.assignees(), "");
            Problem.throwIfAny(checked.errors());
            Assignees assignees =
                    req.replace() ? checked.assignees() : review.assignees().plus(checked.assignees());
            long now = clock.millis();
            Review after = review.withAssignees(assignees, now);
            assigneeRows.update(h, after);
            reviews.updateState(h, after);
            outbox.emit(
                    h, after, EventType.ASSIGNED, new Outbox.Change(p.actor(), p.via(), after.headVersionId(), now));
            return after;
        });
    }

    /**
     * Moves the deadline to an absolute time in the future. A review without one gets a deadline
     * that rejects on expiry (the default; approving is never implied).
     */
    public Review moveDeadline(Principal p, ReviewAddress address, WorkRequests.DeadlineRequest req) {
        return change(p, address, (h, review) -> {
            ReviewCommands.requireOpen(review);
            long now = clock.millis();
            long dueAt = req.dueAt(now);
            if (dueAt <= now) {
                throw Problem.invalid(req.at() != null ? "/at" : "/after", "the deadline must be in the future");
            }
            ReviewWork work = review.work();
            if (work.deadline() == null) {
                work = new ReviewWork(
                        work.claim(),
                        dueAt,
                        new Deadline(null, dueAt, OnExpire.REJECT, null, null),
                        work.remind(),
                        work.remindersSent(),
                        work.escalations());
            }
            Review after = review.rescheduled(work.withDueAt(dueAt), now);
            reviews.updateState(h, after);
            timers.sync(h, after);
            return after;
        });
    }

    private Review change(Principal p, ReviewAddress address, BiFunction<Handle, Review, Review> change) {
        Review result = database.write(h -> change.apply(h, commands.lock(h, p, address)));
        ReviewSignals.changed(signals, result);
        return result;
    }
}
