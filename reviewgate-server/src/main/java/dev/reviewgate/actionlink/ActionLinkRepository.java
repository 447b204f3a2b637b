package dev.reviewgate.actionlink;

import dev.reviewgate.kernel.Via;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Action links by the hash of their token; using one is a conditional update that only one caller wins. */
public final class ActionLinkRepository {

    public void insert(Handle h, ActionLink link) {
        h.createUpdate("""
                        INSERT INTO action_links (token_hash, account_id, user_id, via, review_id, version_id, action,
                               created_at, expires_at, used_at)
                        VALUES (:hash, :a, :user, :via, :review, :version, :action, :created, :expires, NULL)""")
                .bind("hash", link.tokenHash())
                .bind("a", link.accountId())
                .bind("user", link.userId())
                .bind("via", link.via().wire())
                .bind("review", link.reviewId())
                .bind("version", link.versionId())
                .bind("action", link.action().wire())
                .bind("created", link.createdAt())
                .bind("expires", link.expiresAt())
                .execute();
    }

    public Optional<ActionLink> find(Handle h, String tokenHash) {
        return h.createQuery("""
                        SELECT token_hash, account_id, user_id, via, review_id, version_id, action, created_at, expires_at, used_at
                        FROM action_links WHERE token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> {
                    long used = rs.getLong("used_at");
                    Long usedAt = rs.wasNull() ? null : used;
                    return new ActionLink(
                            rs.getString("token_hash"),
                            rs.getString("account_id"),
                            rs.getString("user_id"),
                            Via.fromWire(rs.getString("via")).orElse(Via.EMAIL),
                            rs.getString("review_id"),
                            rs.getString("version_id"),
                            ActionLink.Action.fromWire(rs.getString("action")),
                            rs.getLong("created_at"),
                            rs.getLong("expires_at"),
                            usedAt);
                })
                .findOne();
    }

    /** Marks the link used if it is unused and unexpired; false when another use (or time) came first. */
    public boolean use(Handle h, String tokenHash, long now) {
        return h.createUpdate("""
                        UPDATE action_links SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""").bind("hash", tokenHash).bind("now", now).execute() == 1;
    }

    /** Forgets links that expired before {@code cutoff}; they can only show a review's state by then. */
    public int deleteExpired(Handle h, long cutoff) {
        return h.createUpdate("DELETE FROM action_links WHERE expires_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute();
    }
}
