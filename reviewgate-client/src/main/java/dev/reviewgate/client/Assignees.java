package dev.reviewgate.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Who should look at a review: users by e-mail and groups by id, as {@link Work#assign} and a
 * deadline's escalation ({@link Deadline#escalate}) take them. Build with {@link #users(String...)}
 * or {@link #groups(String...)} and combine with {@link #and(Assignees)}. The server checks that
 * each user and group exists in the account (a 422 pointing at each unknown one).
 *
 * @param users  user e-mails (matched in any letter case)
 * @param groups group ids
 */
public record Assignees(List<String> users, List<String> groups) {

    /**
     * Copies both lists.
     *
     * @param users  user e-mails
     * @param groups group ids
     */
    public Assignees {
        users = users == null ? List.of() : List.copyOf(users);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * Nobody: with {@link Work#replaceAssignees}, unassigns the review.
     *
     * @return empty assignees
     */
    public static Assignees none() {
        return new Assignees(List.of(), List.of());
    }

    /**
     * Users by e-mail.
     *
     * @param emails e.g. {@code dana@example.com}
     * @return the assignees
     */
    public static Assignees users(String... emails) {
        return new Assignees(List.of(emails), List.of());
    }

    /**
     * Groups by id.
     *
     * @param groupIds e.g. {@code billing}
     * @return the assignees
     */
    public static Assignees groups(String... groupIds) {
        return new Assignees(List.of(), List.of(groupIds));
    }

    /**
     * These and more.
     *
     * @param more other assignees
     * @return both, this one's first
     */
    public Assignees and(Assignees more) {
        List<String> u = new ArrayList<>(users);
        u.addAll(more.users);
        List<String> g = new ArrayList<>(groups);
        g.addAll(more.groups);
        return new Assignees(u, g);
    }

    /**
     * Whether nobody is named.
     *
     * @return true without users and groups
     */
    public boolean isEmpty() {
        return users.isEmpty() && groups.isEmpty();
    }

    /** {@code {"assignTo","assignToGroups"}} into {@code body}. */
    void writeTo(ObjectNode body) {
        body.set("assignTo", Json.tree(users));
        body.set("assignToGroups", Json.tree(groups));
    }
}
