package dev.reviewgate.ui.inbox;

import dev.reviewgate.kernel.Actor;
import dev.reviewgate.review.Claim;
import dev.reviewgate.review.Review;
import dev.reviewgate.ui.page.Due;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the inbox, ready to print. {@code selection} is what its checkbox sends: the review
 * and the head version this row showed, so a bulk decision is about exactly what was on screen.
 */
public record InboxRow(
        String id,
        String formName,
        String title,
        String status,
        String where,
        String age,
        String assignees,
        String selection,
        String due,
        boolean overdue,
        String claimHolder,
        int priority) {

    static InboxRow of(Review r, long now, Actor reader) {
        String where = r.workflowId() != null ? r.workflowId() : "";
        if (r.runId() != null) {
            where = (where.isEmpty() ? "" : where + " · ") + r.runId() + " / " + r.blockId();
        }
        String title = r.title() != null ? r.title() : r.id();
        List<String> assignees = new ArrayList<>(r.assignedTo());
        r.assignedGroups().forEach(g -> assignees.add(g + " (group)"));
        Claim claim = r.liveClaim(now);
        boolean open = !r.isDecided();
        return new InboxRow(
                r.id(),
                r.formName(),
                title,
                r.status().wire().replace('_', ' '),
                where,
                age(now - r.createdAt()),
                String.join(", ", assignees),
                r.id() + ":" + r.headVersionId(),
                open ? Due.text(r.dueAt(), now) : "",
                open && Due.isOverdue(r.dueAt(), now),
                claim == null ? "" : claim.heldBy(reader) ? "you" : claim.by().displayNameOrId(),
                r.priority());
    }

    /** "just now", "5 min", "3 h", "2 d": precise enough for a queue, short enough for a column. */
    static String age(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h";
        }
        return d.toDays() + " d";
    }
}
