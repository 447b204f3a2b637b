package dev.reviewgate.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for the outbox: events are inserted in the transaction of the change they describe. */
public final class EventRepository {

    /** A stored event. */
    public record StoredEvent(
            String id, String reviewId, long sequence, String type, JsonNode payload, long createdAt) {}

    public void insert(
            Handle h,
            String accountId,
            String id,
            String reviewId,
            long sequence,
            EventType type,
            JsonNode payload,
            long now) {
        h.createUpdate("""
                        INSERT INTO events (account_id, id, review_id, sequence, type, payload, created_at)
                        VALUES (:account, :id, :review, :sequence, :type, :payload, :now)""")
                .bind("account", accountId)
                .bind("id", id)
                .bind("review", reviewId)
                .bind("sequence", sequence)
                .bind("type", type.event())
                .bind("payload", Json.write(payload))
                .bind("now", now)
                .execute();
    }

    public List<StoredEvent> forReview(Handle h, String accountId, String reviewId) {
        return h.createQuery("""
                        SELECT id, review_id, sequence, type, payload, created_at FROM events
                        WHERE account_id = :account AND review_id = :review ORDER BY sequence""")
                .bind("account", accountId)
                .bind("review", reviewId)
                .map((rs, ctx) -> new StoredEvent(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        Json.parse(rs.getString(5)),
                        rs.getLong(6)))
                .list();
    }
}
