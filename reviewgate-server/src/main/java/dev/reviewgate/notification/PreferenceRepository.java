package dev.reviewgate.notification;

import org.jdbi.v3.core.Handle;

/** Users' notification preferences; a user without a row has {@link Preferences#DEFAULT}. */
public final class PreferenceRepository {

    public Preferences find(Handle h, String accountId, String userId) {
        return h.createQuery("""
                        SELECT email, slack_dm, notify_unassigned FROM notification_preferences
                        WHERE account_id = :a AND user_id = :u""")
                .bind("a", accountId)
                .bind("u", userId)
                .map((rs, ctx) -> new Preferences(
                        rs.getInt("email") != 0, rs.getInt("slack_dm") != 0, rs.getInt("notify_unassigned") != 0))
                .findOne()
                .orElse(Preferences.DEFAULT);
    }

    /** Replaces the user's preferences; a last write wins, as on any settings page. */
    public void save(Handle h, String accountId, String userId, Preferences p, long now) {
        h.createUpdate("""
                        INSERT INTO notification_preferences (account_id, user_id, email, slack_dm, notify_unassigned, updated_at)
                        VALUES (:a, :u, :email, :dm, :unassigned, :now)
                        ON CONFLICT (account_id, user_id) DO UPDATE SET email = :email, slack_dm = :dm,
                               notify_unassigned = :unassigned, updated_at = :now""")
                .bind("a", accountId)
                .bind("u", userId)
                .bind("email", p.email() ? 1 : 0)
                .bind("dm", p.slackDm() ? 1 : 0)
                .bind("unassigned", p.notifyUnassigned() ? 1 : 0)
                .bind("now", now)
                .execute();
    }
}
