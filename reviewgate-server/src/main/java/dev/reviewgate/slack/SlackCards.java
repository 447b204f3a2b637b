package dev.reviewgate.slack;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The Slack messages posted for each review, so each can be updated in place. */
public final class SlackCards {

    /** A posted message: the channel id Slack answered with and the message's {@code ts}. */
    public record Card(String channel, String ts) {}

    /** Records a posted card; recording the same card again changes nothing. */
    public void insert(Handle h, String accountId, String reviewId, Card card, long now) {
        h.createUpdate("""
                        INSERT INTO slack_cards (account_id, review_id, channel, ts, created_at)
                        VALUES (:a, :r, :c, :ts, :now) ON CONFLICT DO NOTHING""")
                .bind("a", accountId)
                .bind("r", reviewId)
                .bind("c", card.channel())
                .bind("ts", card.ts())
                .bind("now", now)
                .execute();
    }

    public List<Card> of(Handle h, String accountId, String reviewId) {
        return h.createQuery(
                        "SELECT channel, ts FROM slack_cards WHERE account_id = :a AND review_id = :r ORDER BY created_at, ts")
                .bind("a", accountId)
                .bind("r", reviewId)
                .map((rs, ctx) -> new Card(rs.getString("channel"), rs.getString("ts")))
                .list();
    }
}
