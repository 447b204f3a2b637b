package dev.reviewgate.group;

import java.util.List;

/**
 * A named set of users of one account, to route reviews to.
 *
 * @param members the members' e-mails as their users have them, sorted
 */
public record Group(String id, String name, List<String> members, long createdAt, long updatedAt) {

    public Group {
        members = List.copyOf(members);
    }
}
