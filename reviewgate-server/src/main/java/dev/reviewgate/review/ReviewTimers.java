package dev.reviewgate.review;

import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * Keeps a review's rows in {@code timers} in step with it, inside the change's transaction: a
 * {@code deadline} row at its due time and a {@code reminder} row at its next reminder while it is
 * open, none once it is decided. Moving a time clears any lease on the row, so a worker holding the
 * old time cannot fire it (firing checks its lease and the time it claimed).
 */
public final class ReviewTimers {

    public static final String DEADLINE = "deadline";
    public static final String REMINDER = "reminder";

    /** Writes the timers {@code review} needs now; a no-op for a review without deadline or reminders. */
    public void sync(Handle h, Review review) {
        ReviewWork w = review.work();
        if (w.dueAt() == null && w.remind() == null) {
            return;
        }
        boolean open = !review.isDecided();
        set(h, review, DEADLINE, open && w.dueAt() != null ? OptionalLong.of(w.dueAt()) : OptionalLong.empty());
        set(
                h,
                review,
                REMINDER,
                open && w.remind() != null
                        ? w.remind().nextAt(review.createdAt(), w.remindersSent())
                        : OptionalLong.empty());
    }

    private static void set(Handle h, Review review, String kind, OptionalLong dueAt) {
        if (dueAt.isEmpty()) {
            h.createUpdate("DELETE FROM timers WHERE account_id = :a AND review_id = :r AND kind = :k")
                    .bind("a", review.accountId())
                    .bind("r", review.id())
                    .bind("k", kind)
                    .execute();
            return;
        }
        h.createUpdate("""
                        INSERT INTO timers (account_id, review_id, kind, due_at, created_at)
                        VALUES (:a, :r, :k, :due, :now)
                        ON CONFLICT (account_id, review_id, kind) DO UPDATE
                           SET due_at = excluded.due_at, lease_token = NULL, lease_expires_at = NULL
                         WHERE timers.due_at <> excluded.due_at""")
                .bind("a", review.accountId())
                .bind("r", review.id())
                .bind("k", kind)
                .bind("due", dueAt.getAsLong())
                .bind("now", review.updatedAt())
                .execute();
    }
}
