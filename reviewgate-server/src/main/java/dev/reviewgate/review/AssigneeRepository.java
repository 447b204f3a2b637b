package dev.reviewgate.review;

import dev.reviewgate.json.Json;
import dev.reviewgate.routing.Assignees;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQL for a review's assignment: the {@code assigned_to} and {@code assigned_groups} columns and the
 * {@code review_assignees} rows the queue's {@code assignee} filter reads. Every statement is scoped by account.
 */
public final class AssigneeRepository {

    /** The filter rows of a new review, whose header row already holds its assignees. */
    void insert(Handle h, Review r) {
        for (String assignee : keys(r.assignees())) {
            h.createUpdate("""
                            INSERT INTO review_assignees (account_id, review_id, assignee, created_at)
                            VALUES (:a, :id, :assignee, :created) ON CONFLICT DO NOTHING""")
                    .bind("a", r.accountId())
                    .bind("id", r.id())
                    .bind("assignee", assignee)
                    .bind("created", r.createdAt())
                    .execute();
        }
    }

    /** Writes a new assignment, and the rows the queue's {@code assignee} filter reads. */
    public void update(Handle h, Review r) {
        h.createUpdate("UPDATE reviews SET assigned_to = :assigned, assigned_groups = :groups"
                        + " WHERE account_id = :a AND id = :id")
                .bind("assigned", Json.write(r.assignedTo()))
                .bind("groups", Json.write(r.assignedGroups()))
                .bind("a", r.accountId())
                .bind("id", r.id())
                .execute();
        h.createUpdate("DELETE FROM review_assignees WHERE account_id = :a AND review_id = :id")
                .bind("a", r.accountId())
                .bind("id", r.id())
                .execute();
        insert(h, r);
    }

    /**
     * The queue's {@code assignee} filter matches a user's e-mail or a group's id in one index:
     * e-mails always hold an {@code @} and group ids never do, so the two cannot collide.
     */
    private static List<String> keys(Assignees a) {
        List<String> keys = new ArrayList<>(a.users());
        keys.addAll(a.groups());
        return keys;
    }
}
