package dev.reviewgate.idempotency;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for stored responses to {@code Idempotency-Key} requests. */
public final class IdempotencyRepository {

    /** A key's row: the request it belongs to and, once answered, the response. */
    public record Entry(String requestHash, Integer statusCode, String response, long createdAt) {
    }

    /** Claims the key for a first request; false when it is already taken. */
    public boolean reserve(Handle h, String accountId, String key, String requestHash, long now) {
        return h.createUpdate("""
                        INSERT INTO idempotency_keys (account_id, idem_key, request_hash, created_at)
                        VALUES (:a, :key, :hash, :now) ON CONFLICT DO NOTHING""")
                .bind("a", accountId).bind("key", key).bind("hash", requestHash).bind("now", now)
                .execute() == 1;
    }

    public Optional<Entry> find(Handle h, String accountId, String key) {
        return h.createQuery("""
                        SELECT request_hash, status_code, response, created_at FROM idempotency_keys
                        WHERE account_id = :a AND idem_key = :key""")
                .bind("a", accountId).bind("key", key)
                .map((rs, ctx) -> {
                    int status = rs.getInt(2);
                    Integer statusCode = rs.wasNull() ? null : status;
                    return new Entry(rs.getString(1), statusCode, rs.getString(3), rs.getLong(4));
                })
                .findOne();
    }

    public void complete(Handle h, String accountId, String key, int status, String response) {
        h.createUpdate("UPDATE idempotency_keys SET status_code = :status, response = :response WHERE account_id = :a AND idem_key = :key")
                .bind("status", status).bind("response", response).bind("a", accountId).bind("key", key).execute();
    }

    public void delete(Handle h, String accountId, String key) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE account_id = :a AND idem_key = :key")
                .bind("a", accountId).bind("key", key).execute();
    }

    /** Forgets keys older than {@code cutoff}; they may be reused after that. */
    public int purgeOlderThan(Handle h, long cutoff) {
        return h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff").bind("cutoff", cutoff).execute();
    }
}
