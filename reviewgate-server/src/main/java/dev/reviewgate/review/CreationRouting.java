package dev.reviewgate.review;

import dev.reviewgate.error.Problem;
import dev.reviewgate.form.ReviewDefaults;
import dev.reviewgate.routing.Assignees;
import dev.reviewgate.routing.RoutingRepository;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.Reminders;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Who a new or updated review goes to and when it is due: the request's assignees or the form's
 * routing defaults, and the request's deadline and reminders or the form's. Unknown users or
 * groups in the request and a due time in the past are a 422; nothing is written here.
 */
final class CreationRouting {

    private final RoutingRepository routing;

    CreationRouting(RoutingRepository routing) {
        this.routing = routing;
    }

    /**
     * The request's assignees, each checked to exist (a 422 names the unknown ones), or else the
     * form's routing defaults, keeping those that still exist.
     */
    Assignees assignees(Handle h, String account, ReviewRequests.Create req, ReviewDefaults defaults) {
        if (req.assigns()) {
            return requested(h, account, req);
        }
        Assignees fallback = defaults.routing().defaults();
        return fallback.isEmpty()
                ? fallback
                : routing.check(h, account, fallback, "/routing").assignees();
    }

    /** The request's own assignees, each checked to exist; a 422 names the unknown ones. */
    Assignees requested(Handle h, String account, ReviewRequests.Create req) {
        RoutingRepository.Checked checked =
                routing.check(h, account, req.labels().assignees(), "");
        Problem.throwIfAny(checked.errors());
        return checked.assignees();
    }

    /**
     * The deadline and reminders the request gives, or the form's; a due time in the past is a 422,
     * and so is an unknown user or group the request's deadline escalates to.
     */
    ReviewWork work(Handle h, String account, ReviewRequests.Create req, ReviewDefaults defaults, long now) {
        Deadline deadline = req.deadline() != null ? req.deadline() : defaults.deadline();
        Reminders remind = req.remind() != null ? req.remind() : defaults.remind();
        Long dueAt = deadline == null ? null : deadline.dueAt(now);
        if (dueAt != null && dueAt <= now) {
            throw Problem.invalid("/deadline/at", "the deadline must be in the future");
        }
        if (req.deadline() != null) {
            Problem.throwIfAny(routing.check(h, account, req.deadline().escalateTo(), "/deadline/escalateTo")
                    .errors());
        }
        return new ReviewWork(null, dueAt, deadline, remind, 0, List.of());
    }
}
