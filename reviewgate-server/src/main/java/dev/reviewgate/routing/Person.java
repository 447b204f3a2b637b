package dev.reviewgate.routing;

import java.util.Set;

/** A signed-in person as routing sees them: their e-mail, whether they are an admin, their groups. */
public record Person(String userId, String email, boolean admin, Set<String> groupIds) {

    public Person {
        groupIds = Set.copyOf(groupIds);
    }
}
