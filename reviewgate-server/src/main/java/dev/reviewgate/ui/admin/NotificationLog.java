package dev.reviewgate.ui.admin;

import dev.reviewgate.kernel.KeysetCursor;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.webhook.DeliveryChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The admins' notification log: deliveries of every channel but webhooks, newest first, keyset-paged
 * on {@code (created_at, id)}. Each channel is read through the index {@code deliveries_by_channel}
 * and the pages merged, so no query scans the account's webhook deliveries.
 */
public final class NotificationLog {

    /** Channels the log shows. */
    static final List<DeliveryChannel> CHANNELS =
            List.of(DeliveryChannel.EMAIL, DeliveryChannel.SLACK, DeliveryChannel.SLACK_UPDATE, DeliveryChannel.TEAMS);

    /**
     * One notification as listed. {@code destination} names where it went ({@code mailto:},
     * {@code slack:}, {@code teams:form}, {@code teams:group:<id>}), never a credential.
     */
    public record Row(
            String id,
            String channel,
            String destination,
            String reviewId,
            String userEmail,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            long createdAt) {

        public String created() {
            return Times.iso(createdAt);
        }

        KeysetCursor cursor() {
            return new KeysetCursor(createdAt, id);
        }
    }

    /** One page and the cursor of the next, or null when it is the last. */
    public record Page(List<Row> rows, String nextCursor) {}

    /**
     * Up to {@code limit} notifications before {@code before} (null: the newest), of one channel
     * or (null) of all.
     */
    public Page page(Handle h, String accountId, DeliveryChannel only, KeysetCursor before, int limit) {
        List<Row> rows = new ArrayList<>();
        for (DeliveryChannel channel : only == null ? CHANNELS : List.of(only)) {
            rows.addAll(ofChannel(h, accountId, channel, before, limit + 1));
        }
        rows.sort(
                Comparator.comparingLong(Row::createdAt).thenComparing(Row::id).reversed());
        boolean more = rows.size() > limit;
        List<Row> shown = List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
        return new Page(shown, more ? shown.getLast().cursor().encode() : null);
    }

    private static List<Row> ofChannel(
            Handle h, String accountId, DeliveryChannel channel, KeysetCursor before, int limit) {
        String after = before == null ? "" : " AND (d.created_at, d.id) < (:created, :beforeId)";
        var query = h.createQuery("""
                        SELECT d.id, d.channel, d.url, d.review_id, u.email, d.status, d.attempts, d.last_status_code,
                               d.last_error, d.created_at
                        FROM deliveries d LEFT JOIN users u ON u.account_id = d.account_id AND u.id = d.user_id
                        WHERE d.account_id = :a AND d.channel = :channel""" + after + """

                        ORDER BY d.created_at DESC, d.id DESC LIMIT :limit""")
                .bind("a", accountId)
                .bind("channel", channel.wire())
                .bind("limit", limit);
        if (before != null) {
            query.bind("created", before.createdAt()).bind("beforeId", before.id());
        }
        return query.map((rs, ctx) -> {
                    int code = rs.getInt("last_status_code");
                    Integer lastCode = rs.wasNull() ? null : code;
                    return new Row(
                            rs.getString("id"),
                            rs.getString("channel"),
                            rs.getString("url"),
                            rs.getString("review_id"),
                            rs.getString("email"),
                            rs.getString("status"),
                            rs.getInt("attempts"),
                            lastCode,
                            rs.getString("last_error"),
                            rs.getLong("created_at"));
                })
                .list();
    }
}
