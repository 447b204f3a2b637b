package dev.reviewgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL of the audit log. There is no statement here that updates or deletes an entry. */
final class AuditRepository {

    /** The position an append chains onto: the new entry's {@code seq} and the previous hash. */
    record Link(long seq, String prevHash) {}

    private static final int FETCH_SIZE = 500;

    private AuditRepository() {}

    /**
     * Takes the account's chain head for the rest of the transaction and moves it on by one, in one
     * statement: the head row is made on the account's first entry (seq 1, chained onto the
     * genesis hash), and otherwise advanced. A concurrent first append waits on the insert, then
     * advances the row; the row stays locked until commit, so no two transactions ever chain onto
     * the same entry. {@code hash} is still the previous entry's here: inserting the entry at
     * {@code seq} moves it, by the database's trigger {@code audit_entries_move_head} (V15).
     */
    static Link advance(Handle h, String accountId) {
        return h.createQuery("""
                        INSERT INTO audit_heads (account_id, seq, hash) VALUES (:a, 1, :genesis)
                        ON CONFLICT (account_id) DO UPDATE SET seq = audit_heads.seq + 1
                        RETURNING seq, hash""")
                .bind("a", accountId)
                .bind("genesis", AuditChain.GENESIS)
                .map((rs, ctx) -> new Link(rs.getLong(1), rs.getString(2)))
                .one();
    }

    /** Appends {@code e} at the seq {@link #advance} gave it; the head takes its hash in the same statement. */
    static void insert(Handle h, AuditEntry e) {
        AuditEvent event = e.event();
        h.createUpdate("""
                        INSERT INTO audit_entries (account_id, seq, at, action, actor, via, client_address,
                                                   user_agent, review_id, details, prev_hash, hash)
                        VALUES (:a, :seq, :at, :action, :actor, :via, :address, :agent, :review, :details, :prev, :hash)""")
                .bind("a", event.accountId())
                .bind("seq", e.seq())
                .bind("at", e.time())
                .bind("action", event.action())
                .bind("actor", Json.write(event.actor().toJson()))
                .bind("via", e.origin().via() == null ? null : e.origin().via().wire())
                .bind("address", e.origin().clientAddress())
                .bind("agent", e.origin().userAgent())
                .bind("review", event.reviewId())
                .bind("details", CanonicalJson.canonicalize(event.details()))
                .bind("prev", e.prevHash())
                .bind("hash", e.hash())
                .execute();
    }

    /** The last {@code seq} of the account's chain, 0 when it has none. */
    static long headSeq(Handle h, String accountId) {
        return h.createQuery("SELECT seq FROM audit_heads WHERE account_id = :a")
                .bind("a", accountId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    /**
     * Hands each entry in {@code range} to {@code sink} in {@code seq} order, fetched in batches of
     * {@value #FETCH_SIZE} (on PostgreSQL that needs the handle in a transaction), never all at once.
     */
    static void each(Handle h, String accountId, AuditQuery q, Consumer<AuditEntry> sink) {
        StringBuilder sql = new StringBuilder(
                "SELECT account_id, seq, at, action, actor, via, client_address, "
                        + "user_agent, review_id, details, prev_hash, hash FROM audit_entries WHERE account_id = :a AND seq > :after");
        var binds = new LinkedHashMap<String, Object>();
        condition(sql, binds, "seq <= :through", "through", q.throughSeq());
        condition(sql, binds, "at >= :since", "since", q.filter().since());
        condition(sql, binds, "at < :until", "until", q.filter().until());
        condition(sql, binds, "action = :action", "action", q.filter().action());
        condition(sql, binds, "review_id = :review", "review", q.filter().reviewId());
        sql.append(" ORDER BY seq");
        if (q.limit() != null) {
            sql.append(" LIMIT :limit");
            binds.put("limit", q.limit());
        }
        var query = h.createQuery(sql.toString())
                .bind("a", accountId)
                .bind("after", q.afterSeq())
                .setFetchSize(FETCH_SIZE);
        binds.forEach(query::bind);
        try (Stream<AuditEntry> rows = query.map(AuditRepository::entry).stream()) {
            rows.forEach(sink);
        }
    }

    private static void condition(
            StringBuilder sql, Map<String, Object> binds, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            binds.put(name, value);
        }
    }

    /**
     * An entry as stored. A column altered into something unreadable still makes an entry (its
     * text under {@code unreadable}), which then fails verification instead of failing the read.
     */
    private static AuditEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        ObjectNode actor = readObject(rs.getString("actor"));
        String via = rs.getString("via");
        AuditEvent event = new AuditEvent(
                rs.getString("account_id"),
                rs.getString("action"),
                new Actor(
                        actor.path("kind").asText(),
                        actor.path("id").asText(),
                        actor.path("displayName").isNull()
                                ? null
                                : actor.path("displayName").asText()),
                null,
                rs.getString("review_id"),
                readObject(rs.getString("details")));
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getLong("at"),
                event,
                new Origin(
                        via == null ? null : Via.fromWire(via).orElse(null),
                        rs.getString("client_address"),
                        rs.getString("user_agent")),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static ObjectNode readObject(String text) {
        try {
            if (Json.parse(text) instanceof ObjectNode object) {
                return object;
            }
        } catch (IllegalStateException e) {
            // falls through: kept as text
        }
        return Json.object().put("unreadable", text);
    }
}
