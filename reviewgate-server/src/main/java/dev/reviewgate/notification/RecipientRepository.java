package dev.reviewgate.notification;

import dev.reviewgate.routing.Assignees;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** The active users a review's notifications are for, with their preferences, in one query. */
public final class RecipientRepository {

    private static final String SELECT = """
            SELECT u.id, u.email, u.display_name, p.email AS p_email, p.slack_dm, p.notify_unassigned
            FROM users u LEFT JOIN notification_preferences p ON p.account_id = u.account_id AND p.user_id = u.id
            WHERE u.account_id = :a AND u.disabled = 0 AND\s""";

    /** The assignees and the members of assigned groups; with nobody assigned, who asked to hear of unassigned reviews. */
    public List<Recipient> of(Handle h, String accountId, Assignees assignees) {
        if (assignees.isEmpty()) {
            return h.createQuery(SELECT + "p.notify_unassigned = 1 ORDER BY u.id")
                    .bind("a", accountId)
                    .map((rs, ctx) -> recipient(rs))
                    .list();
        }
        String byEmail = assignees.users().isEmpty() ? "1 = 0" : "lower(u.email) IN (<emails>)";
        String byGroup = assignees.groups().isEmpty()
                ? "1 = 0"
                : "u.id IN (SELECT user_id FROM group_members WHERE account_id = :a AND group_id IN (<groups>))";
        var query = h.createQuery(SELECT + "(" + byEmail + " OR " + byGroup + ") ORDER BY u.id")
                .bind("a", accountId);
        if (!assignees.users().isEmpty()) {
            query.bindList(
                    "emails",
                    assignees.users().stream()
                            .map(e -> e.toLowerCase(Locale.ROOT))
                            .toList());
        }
        if (!assignees.groups().isEmpty()) {
            query.bindList("groups", assignees.groups());
        }
        return query.map((rs, ctx) -> recipient(rs)).list();
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        int email = rs.getInt("p_email");
        Preferences prefs = rs.wasNull()
                ? Preferences.DEFAULT
                : new Preferences(email != 0, rs.getInt("slack_dm") != 0, rs.getInt("notify_unassigned") != 0);
        return new Recipient(rs.getString("id"), rs.getString("email"), rs.getString("display_name"), prefs);
    }
}
