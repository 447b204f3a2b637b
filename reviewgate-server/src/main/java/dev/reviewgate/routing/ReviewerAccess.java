package dev.reviewgate.routing;

import java.util.Locale;

/**
 * Who may claim, instruct or decide a review through a person's channel. With
 * {@link Reviewers#ASSIGNED} only assignees, members of an assigned group and admins may; with
 * {@link Reviewers#ANYONE} every user of the account may. API keys act for the service and are
 * never asked.
 */
public final class ReviewerAccess {

    private ReviewerAccess() {}

    public static boolean mayAct(Reviewers mode, Assignees assignees, Person person) {
        return mode == Reviewers.ANYONE || person.admin() || isAssigned(assignees, person);
    }

    /** Whether {@code person} is among those {@code assignees} name, directly (any letter case) or through a group. */
    public static boolean isAssigned(Assignees assignees, Person person) {
        String email = person.email().toLowerCase(Locale.ROOT);
        return assignees.users().stream()
                        .anyMatch(u -> u.toLowerCase(Locale.ROOT).equals(email))
                || assignees.groups().stream().anyMatch(person.groupIds()::contains);
    }
}
