package dev.reviewgate.client;

import java.time.Instant;
import java.util.List;

/**
 * A named set of the account's users to route reviews to ({@link Assignees#groups(String...)}).
 *
 * @param id        the group id: 1–64 of {@code A-Z a-z 0-9 . _ -}
 * @param name      the name shown
 * @param members   the members' e-mails
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Group(String id, String name, List<String> members, Instant createdAt, Instant updatedAt) {

    /**
     * Normalises an absent member list.
     *
     * @param id        the group id
     * @param name      the name
     * @param members   the members
     * @param createdAt creation time
     * @param updatedAt last change
     */
    public Group {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
