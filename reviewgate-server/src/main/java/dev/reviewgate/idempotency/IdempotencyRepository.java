package dev.reviewgate.idempotency;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for stored responses to {@code Idempotency-Key} requests. Every change is one conditional
 * statement: the reservation is an insert whose conflict is the answer, and only the holder of a
 * reservation (its random token) can complete or release it.
 */
public final class IdempotencyRepository {

    /** A key's row: the request it belongs to and, once answered, the response. */
    public record Entry(String requestHash, Integer statusCode, String response, long createdAt) {

        boolean answered() {
            return statusCode != null;
        }
    }

    /** Claims the key for a first request; false when another request holds or answered it. */
    public boolean reserve(Handle h, String accountId, String key, String requestHash, String holder, long now) {
        return h.createUpdate("""
                        INSERT INTO idempotency_keys (account_id, idem_key, request_hash, holder, created_at)
                        VALUES (:a, :key, :hash, :holder, :now) ON CONFLICT DO NOTHING""")
                        .bind("a", accountId)
                        .bind("key", key)
                        .bind("hash", requestHash)
                        .bind("holder", holder)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    public Optional<Entry> find(Handle h, String accountId, String key) {
        return h.createQuery("""
                        SELECT request_hash, status_code, response, created_at FROM idempotency_keys
                        WHERE account_id = :a AND idem_key = :key""")
                .bind("a", accountId)
                .bind("key", key)
                .map((rs, ctx) -> {
                    int status = rs.getInt(2);
                    Integer statusCode = rs.wasNull() ? null : status;
                    return new Entry(rs.getString(1), statusCode, rs.getString(3), rs.getLong(4));
                })
                .findOne();
    }

    /** Stores the holder's response; false when the reservation is no longer this holder's. */
    public boolean complete(Handle h, String accountId, String key, String holder, int status, String response) {
        return h.createUpdate("""
                        UPDATE idempotency_keys SET status_code = :status, response = :response
                        WHERE account_id = :a AND idem_key = :key AND holder = :holder AND status_code IS NULL""")
                        .bind("status", status)
                        .bind("response", response)
                        .bind("a", accountId)
                        .bind("key", key)
                        .bind("holder", holder)
                        .execute()
                == 1;
    }

    /** Gives up the holder's reservation (its request failed in a way worth retrying). */
    public void release(Handle h, String accountId, String key, String holder) {
        h.createUpdate("""
                        DELETE FROM idempotency_keys
                        WHERE account_id = :a AND idem_key = :key AND holder = :holder AND status_code IS NULL""")
                .bind("a", accountId)
                .bind("key", key)
                .bind("holder", holder)
                .execute();
    }

    /**
     * Removes an expired or abandoned entry, but only the one that was seen ({@code createdAt}): of
     * several requests taking over the same entry at once, one deletes it and all then race to reserve.
     * An abandoned entry ({@code expired} false) is removed only while still unanswered, so a holder
     * that answered just after it was seen keeps its answer.
     */
    public void deleteSeen(Handle h, String accountId, String key, long createdAt, boolean expired) {
        h.createUpdate("""
                        DELETE FROM idempotency_keys WHERE account_id = :a AND idem_key = :key AND created_at = :created
                        AND (status_code IS NULL OR :expired = 1)""")
                .bind("a", accountId)
                .bind("key", key)
                .bind("created", createdAt)
                .bind("expired", expired ? 1 : 0)
                .execute();
    }

    /** Forgets keys older than {@code cutoff}; they may be reused after that. */
    public int purgeOlderThan(Handle h, long cutoff) {
        return h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute();
    }
}
