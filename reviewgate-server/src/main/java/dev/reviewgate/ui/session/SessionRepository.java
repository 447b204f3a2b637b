package dev.reviewgate.ui.session;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for web sessions. The id is the SHA-256 of the cookie token, so a leaked table opens no session. */
public final class SessionRepository {

    public void insert(Handle h, String accountId, String id, String userId, String csrf, long now, long expiresAt) {
        h.createUpdate("""
                        INSERT INTO web_sessions (account_id, id, user_id, csrf_token, created_at, expires_at, last_seen_at)
                        VALUES (:a, :id, :user, :csrf, :now, :expires, :now)""")
                .bind("a", accountId)
                .bind("id", id)
                .bind("user", userId)
                .bind("csrf", csrf)
                .bind("now", now)
                .bind("expires", expiresAt)
                .execute();
    }

    /** The live session's user, if the session exists, has not expired and its user is enabled. */
    public Optional<WebUser> find(Handle h, String id, long now, long idleCutoff) {
        return h.createQuery("""
                        SELECT s.account_id, s.user_id, u.email, u.display_name, u.role, s.csrf_token
                        FROM web_sessions s JOIN users u ON u.account_id = s.account_id AND u.id = s.user_id
                        WHERE s.id = :id AND s.expires_at > :now AND s.last_seen_at > :idle AND u.disabled = 0""")
                .bind("id", id)
                .bind("now", now)
                .bind("idle", idleCutoff)
                .map((rs, ctx) -> new WebUser(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .findOne();
    }

    /** Slides the idle timeout; written at most once a minute per session. */
    public void touch(Handle h, String id, long now) {
        h.createUpdate("UPDATE web_sessions SET last_seen_at = :now WHERE id = :id AND last_seen_at < :minuteAgo")
                .bind("now", now)
                .bind("id", id)
                .bind("minuteAgo", now - 60_000)
                .execute();
    }

    public void delete(Handle h, String id) {
        h.createUpdate("DELETE FROM web_sessions WHERE id = :id").bind("id", id).execute();
    }

    public int purgeExpired(Handle h, long now) {
        return h.createUpdate("DELETE FROM web_sessions WHERE expires_at < :now")
                .bind("now", now)
                .execute();
    }
}
