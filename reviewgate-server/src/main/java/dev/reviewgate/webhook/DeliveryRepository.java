package dev.reviewgate.webhook;

import dev.reviewgate.db.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for deliveries and their attempts. Workers claim due deliveries by writing a lease token and
 * expiry (PostgreSQL skips rows another instance holds); only the holder of the current token can
 * record the outcome, so a worker whose lease expired cannot mark a delivery done.
 */
public final class DeliveryRepository {

    private static final String COLUMNS = """
            account_id, id, event_id, review_id, endpoint_id, url, status, attempts, next_attempt_at, lease_expires_at,
            last_status_code, last_error, created_at, updated_at, channel, user_id""";

    /** A claimed delivery and what is needed to send it. */
    public record Claimed(Delivery delivery, String payload, String token) {}

    /**
     * Inserts {@code d}; false when it is a notification already planned for the same destination
     * and event (one message per recipient and trigger). Webhooks are always inserted.
     */
    public boolean insert(Handle h, Delivery d) {
        return h.createUpdate("INSERT INTO deliveries (" + COLUMNS + """
                        ) VALUES (:a, :id, :event, :review, :endpoint, :url, :status, 0, :next, NULL, NULL, NULL, :now, :now,
                                  :channel, :user)
                        ON CONFLICT DO NOTHING""")
                        .bind("a", d.accountId())
                        .bind("id", d.id())
                        .bind("event", d.eventId())
                        .bind("review", d.reviewId())
                        .bind("endpoint", d.endpointId())
                        .bind("url", d.url())
                        .bind("status", d.status().wire())
                        .bind("next", d.nextAttemptAt())
                        .bind("now", d.createdAt())
                        .bind("channel", d.channel().wire())
                        .bind("user", d.userId())
                        .execute()
                == 1;
    }

    /**
     * Leases up to {@code limit} due deliveries to {@code token} until {@code leaseUntil}: webhooks,
     * or (with {@code webhooks} false) notifications, whose sends take several round trips and so
     * get a longer lease.
     */
    public List<Claimed> claim(
            Handle h, Dialect dialect, String token, long now, long leaseUntil, int limit, boolean webhooks) {
        String due = """
                SELECT account_id, id FROM deliveries
                WHERE status = 'pending' AND next_attempt_at <= :now AND (lease_expires_at IS NULL OR lease_expires_at < :now)
                """ + (webhooks ? "AND channel = 'webhook'" : "AND channel <> 'webhook'")
                + " ORDER BY next_attempt_at LIMIT :limit"
                + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "");
        h.createUpdate(
                        "UPDATE deliveries SET lease_token = :token, lease_expires_at = :until WHERE (account_id, id) IN ("
                                + due + ")")
                .bind("token", token)
                .bind("until", leaseUntil)
                .bind("now", now)
                .bind("limit", limit)
                .execute();
        return h.createQuery("SELECT " + COLUMNS.replaceAll("(\\w+)", "d.$1") + """
                        , e.payload FROM deliveries d JOIN events e ON e.account_id = d.account_id AND e.id = d.event_id
                        WHERE d.lease_token = :token""")
                .bind("token", token)
                .map((rs, ctx) -> new Claimed(delivery(rs), rs.getString("payload"), token))
                .list();
    }

    /**
     * Records an attempt's outcome if {@code token} still holds the lease. False when the lease
     * was lost: the caller then logs the attempt as not applied.
     */
    public boolean complete(
            Handle h,
            String accountId,
            String id,
            String token,
            DeliveryStatus status,
            Long nextAttemptAt,
            Integer statusCode,
            String error,
            long now) {
        return h.createUpdate("""
                        UPDATE deliveries SET status = :status, attempts = attempts + 1, next_attempt_at = :next,
                               lease_token = NULL, lease_expires_at = NULL, last_status_code = :code, last_error = :error,
                               updated_at = :now
                        WHERE account_id = :a AND id = :id AND lease_token = :token""")
                        .bind("status", status.wire())
                        .bind("next", nextAttemptAt)
                        .bind("code", statusCode)
                        .bind("error", error)
                        .bind("now", now)
                        .bind("a", accountId)
                        .bind("id", id)
                        .bind("token", token)
                        .execute()
                == 1;
    }

    public void insertAttempt(Handle h, String accountId, Attempt a) {
        h.createUpdate("""
                        INSERT INTO delivery_attempts (account_id, id, delivery_id, attempt, started_at, duration_ms,
                               status_code, response_excerpt, error, applied)
                        VALUES (:acc, :id, :delivery, :attempt, :started, :duration, :code, :excerpt, :error, :applied)""")
                .bind("acc", accountId)
                .bind("id", a.id())
                .bind("delivery", a.deliveryId())
                .bind("attempt", a.attempt())
                .bind("started", a.startedAt())
                .bind("duration", a.durationMs())
                .bind("code", a.statusCode())
                .bind("excerpt", a.responseExcerpt())
                .bind("error", a.error())
                .bind("applied", a.applied() ? 1 : 0)
                .execute();
    }

    public Optional<Delivery> find(Handle h, String accountId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE account_id = :a AND id = :id")
                .bind("a", accountId)
                .bind("id", id)
                .map((rs, ctx) -> delivery(rs))
                .findOne();
    }

    /** Webhook deliveries of one endpoint or one review, newest first, keyset-paginated. */
    public List<Delivery> page(
            Handle h, String accountId, String column, String value, Long beforeCreated, String beforeId, int limit) {
        String after = beforeId == null ? "" : " AND (created_at, id) < (:created, :beforeId)";
        var query = h.createQuery(
                        "SELECT " + COLUMNS + " FROM deliveries WHERE account_id = :a AND channel = 'webhook' AND "
                                + column
                                + " = :value" + after + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("a", accountId)
                .bind("value", value)
                .bind("limit", limit);
        if (beforeId != null) {
            query.bind("created", beforeCreated).bind("beforeId", beforeId);
        }
        return query.map((rs, ctx) -> delivery(rs)).list();
    }

    public List<Attempt> attempts(Handle h, String accountId, String deliveryId) {
        return h.createQuery("""
                        SELECT id, delivery_id, attempt, started_at, duration_ms, status_code, response_excerpt, error, applied
                        FROM delivery_attempts WHERE account_id = :a AND delivery_id = :d ORDER BY started_at, attempt""")
                .bind("a", accountId)
                .bind("d", deliveryId)
                .map((rs, ctx) -> {
                    int code = rs.getInt("status_code");
                    Integer statusCode = rs.wasNull() ? null : code;
                    return new Attempt(
                            rs.getString("id"),
                            rs.getString("delivery_id"),
                            rs.getInt("attempt"),
                            rs.getLong("started_at"),
                            rs.getLong("duration_ms"),
                            statusCode,
                            rs.getString("response_excerpt"),
                            rs.getString("error"),
                            rs.getInt("applied") != 0);
                })
                .list();
    }

    /** Starts a fresh schedule now; the attempt log is kept. */
    public boolean redeliver(Handle h, String accountId, String id, long now) {
        return h.createUpdate("""
                        UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = :now, lease_token = NULL,
                               lease_expires_at = NULL, updated_at = :now
                        WHERE account_id = :a AND id = :id""")
                        .bind("now", now)
                        .bind("a", accountId)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /** Gives up on every pending delivery to an endpoint that was deleted or disabled. */
    public int failPendingForEndpoint(Handle h, String accountId, String endpointId, String reason, long now) {
        return h.createUpdate("""
                        UPDATE deliveries SET status = 'failed', last_error = :reason, next_attempt_at = NULL, updated_at = :now
                        WHERE account_id = :a AND endpoint_id = :endpoint AND status = 'pending'""")
                .bind("reason", reason)
                .bind("now", now)
                .bind("a", accountId)
                .bind("endpoint", endpointId)
                .execute();
    }

    /** Releases the leases whose token matches {@code pattern} (LIKE), so another instance can take them at once. */
    public int releaseLeases(Handle h, String pattern) {
        return h.createUpdate(
                        "UPDATE deliveries SET lease_token = NULL, lease_expires_at = NULL WHERE lease_token LIKE :pattern")
                .bind("pattern", pattern)
                .execute();
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer lastCode = rs.wasNull() ? null : code;
        return new Delivery(
                rs.getString("account_id"),
                rs.getString("id"),
                new Delivery.Target(
                        rs.getString("event_id"),
                        rs.getString("review_id"),
                        rs.getString("endpoint_id"),
                        rs.getString("url"),
                        DeliveryChannel.fromWire(rs.getString("channel")),
                        rs.getString("user_id")),
                new Delivery.Progress(
                        DeliveryStatus.fromWire(rs.getString("status")),
                        rs.getInt("attempts"),
                        EndpointRepository.nullableLong(rs, "next_attempt_at"),
                        EndpointRepository.nullableLong(rs, "lease_expires_at"),
                        lastCode,
                        rs.getString("last_error")),
                rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }
}
