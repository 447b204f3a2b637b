package dev.reviewgate.ui.inbox;

import dev.reviewgate.review.Review;
import java.time.Duration;

/** One line of the inbox, ready to print. */
public record InboxRow(
        String id, String formName, String title, String status, String where, String age, String assignees) {

    static InboxRow of(Review r, long now) {
        String where = r.workflowId() != null ? r.workflowId() : "";
        if (r.runId() != null) {
            where = (where.isEmpty() ? "" : where + " · ") + r.runId() + " / " + r.blockId();
        }
        String title = r.title() != null ? r.title() : r.id();
        return new InboxRow(
                r.id(),
                r.formName(),
                title,
                r.status().wire().replace('_', ' '),
                where,
                age(now - r.createdAt()),
                String.join(", ", r.assignedTo()));
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
