package dev.reviewgate.routing;

import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** What routing reads: which assignees exist in the account, and who a signed-in person is. */
public final class RoutingRepository {

    /**
     * The known assignees (each e-mail spelled as its user's), and a violation for each unknown one.
     */
    public record Checked(Assignees assignees, List<Violation> errors) {}

    /**
     * Checks that every e-mail names an enabled user of the account and every group id a group of
     * it; violations point at {@code pointer}'s {@code assignTo/i} and {@code assignToGroups/i}.
     */
    public Checked check(Handle h, String accountId, Assignees a, String pointer) {
        List<Violation> errors = new ArrayList<>();
        Map<String, String> emails = new HashMap<>();
        if (!a.users().isEmpty()) {
            h.createQuery(
                            "SELECT email FROM users WHERE account_id = :a AND disabled = 0 AND lower(email) IN (<emails>)")
                    .bind("a", accountId)
                    .bindList(
                            "emails",
                            a.users().stream()
                                    .map(e -> e.toLowerCase(Locale.ROOT))
                                    .toList())
                    .mapTo(String.class)
                    .forEach(e -> emails.put(e.toLowerCase(Locale.ROOT), e));
        }
        List<String> users = new ArrayList<>();
        for (int i = 0; i < a.users().size(); i++) {
            String stored = emails.get(a.users().get(i).toLowerCase(Locale.ROOT));
            if (stored == null) {
                errors.add(new Violation(
                        Violation.child(Violation.child(pointer, "assignTo"), i),
                        "no active user " + a.users().get(i) + " in this account"));
            } else {
                users.add(stored);
            }
        }
        Set<String> groups = new HashSet<>();
        if (!a.groups().isEmpty()) {
            h.createQuery("SELECT id FROM groups WHERE account_id = :a AND id IN (<ids>)")
                    .bind("a", accountId)
                    .bindList("ids", a.groups())
                    .mapTo(String.class)
                    .forEach(groups::add);
        }
        List<String> known = new ArrayList<>();
        for (int i = 0; i < a.groups().size(); i++) {
            if (groups.contains(a.groups().get(i))) {
                known.add(a.groups().get(i));
            } else {
                errors.add(new Violation(
                        Violation.child(Violation.child(pointer, "assignToGroups"), i),
                        "no group " + a.groups().get(i) + " in this account"));
            }
        }
        return new Checked(new Assignees(users, known), errors);
    }

    /** The user as routing sees them, or empty when the account has no such active user. */
    public Optional<Person> person(Handle h, String accountId, String userId) {
        return h.createQuery("SELECT email, role FROM users WHERE account_id = :a AND id = :id AND disabled = 0")
                .bind("a", accountId)
                .bind("id", userId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findOne()
                .map(row -> new Person(userId, row[0], "admin".equals(row[1]), groupsOf(h, accountId, userId)));
    }

    public Set<String> groupsOf(Handle h, String accountId, String userId) {
        return new HashSet<>(h.createQuery("SELECT group_id FROM group_members WHERE account_id = :a AND user_id = :u")
                .bind("a", accountId)
                .bind("u", userId)
                .mapTo(String.class)
                .list());
    }
}
