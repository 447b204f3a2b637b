package dev.reviewgate.review;

import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Via;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for quorum votes. Every statement is scoped by account. */
public final class VoteRepository {

    /**
     * Records an approval vote. The key {@code (review, version, decider)} refuses a second vote by
     * the same decider on the same version, whatever the caller checked.
     */
    public void insert(Handle h, String accountId, String reviewId, Vote v) {
        h.createUpdate("""
                        INSERT INTO votes (account_id, review_id, version_id, decider_id, decided_by, via, voted_at)
                        VALUES (:a, :review, :version, :decider, :by, :via, :at)""")
                .bind("a", accountId)
                .bind("review", reviewId)
                .bind("version", v.versionId())
                .bind("decider", v.decidedBy().id())
                .bind("by", Json.write(v.decidedBy().toJson()))
                .bind("via", v.via().wire())
                .bind("at", v.votedAt())
                .execute();
    }

    /** The review's votes on every version, oldest first. */
    List<Vote> list(Handle h, String accountId, String reviewId) {
        return h.createQuery("""
                        SELECT version_id, decided_by, via, voted_at FROM votes
                        WHERE account_id = :a AND review_id = :review ORDER BY voted_at, decider_id""")
                .bind("a", accountId)
                .bind("review", reviewId)
                .map((rs, ctx) -> new Vote(
                        rs.getString(1),
                        ReviewRows.actor(rs.getString(2)),
                        Via.fromWire(rs.getString(3)).orElse(Via.API),
                        rs.getLong(4)))
                .list();
    }
}
