package dev.reviewgate.timer;

import dev.reviewgate.db.Dialect;
import java.util.List;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the {@code timers} table, claimed like webhook deliveries: a worker writes its lease token
 * on due rows, and firing deletes a row only while it still carries that token and the due time it
 * claimed. A row whose time was moved (which clears the lease) or that another worker took after
 * the lease lapsed is left alone.
 */
public final class TimerRepository {

    /** Leases up to {@code limit} due timers, earliest first, to {@code token} until {@code leaseUntil}. */
    public List<DueTimer> claim(Handle h, Dialect dialect, String token, long now, long leaseUntil, int limit) {
        String due = """
                SELECT account_id, review_id, kind FROM timers
                WHERE due_at <= :now AND (lease_expires_at IS NULL OR lease_expires_at < :now)
                ORDER BY due_at LIMIT :limit""" + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
        h.createUpdate("UPDATE timers SET lease_token = :token, lease_expires_at = :until, attempts = attempts + 1"
                        + " WHERE (account_id, review_id, kind) IN (" + due + ")")
                .bind("token", token)
                .bind("until", leaseUntil)
                .bind("now", now)
                .bind("limit", limit)
                .execute();
        return h.createQuery("""
                        SELECT account_id, review_id, kind, due_at FROM timers
                        WHERE lease_token = :token ORDER BY due_at""")
                .bind("token", token)
                .map((rs, ctx) -> new DueTimer(
                        rs.getString("account_id"),
                        rs.getString("review_id"),
                        rs.getString("kind"),
                        rs.getLong("due_at"),
                        token))
                .list();
    }

    /**
     * Deletes the claimed row if it still carries {@code t}'s lease and due time. False when someone
     * moved the time or took the row: then the caller must do nothing.
     */
    public boolean take(Handle h, DueTimer t) {
        return h.createUpdate("""
                        DELETE FROM timers WHERE account_id = :a AND review_id = :r AND kind = :k
                           AND lease_token = :token AND due_at = :due""")
                        .bind("a", t.accountId())
                        .bind("r", t.reviewId())
                        .bind("k", t.kind())
                        .bind("token", t.token())
                        .bind("due", t.dueAt())
                        .execute()
                == 1;
    }

    /** The earliest due time among rows nobody holds a live lease on, if any. */
    public OptionalLong nextDue(Handle h, long now) {
        return h.createQuery("""
                        SELECT MIN(due_at) FROM timers
                        WHERE lease_expires_at IS NULL OR lease_expires_at < :now""")
                .bind("now", now)
                .mapTo(Long.class)
                .findOne()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /**
     * Open reviews whose deadline has passed. A review has a {@code deadline} row exactly while it is
     * open and has a due time (ReviewTimers keeps it so), so this counts over the {@code due_at} index.
     */
    public long overdue(Handle h, long now) {
        return h.createQuery("SELECT COUNT(*) FROM timers WHERE due_at <= :now AND kind = 'deadline'")
                .bind("now", now)
                .mapTo(Long.class)
                .one();
    }

    /** Hands back the leases whose token matches {@code pattern} (LIKE), so another instance takes them at once. */
    public int releaseLeases(Handle h, String pattern) {
        return h.createUpdate(
                        "UPDATE timers SET lease_token = NULL, lease_expires_at = NULL WHERE lease_token LIKE :pattern")
                .bind("pattern", pattern)
                .execute();
    }
}
