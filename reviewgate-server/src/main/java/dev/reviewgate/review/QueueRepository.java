package dev.reviewgate.review;

import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for the review queue in one of three orders. Each reads one of the {@code reviews_queue_*}
 * indexes (created, due, priority, claimed) as a range starting after the cursor.
 */
public final class QueueRepository {

    private static final String COLUMNS = ReviewRows.HEADER_COLUMNS.replaceAll("(\\w+)", "r.$1")
            + ", d.verdict, d.version_id AS d_version_id, d.reason, d.decided_by, d.via AS d_via, d.decided_at";

    /** Up to {@code limit + 1} rows, so the caller knows whether a next page exists. */
    public List<Review> page(Handle h, String accountId, QueueQuery q) {
        StringBuilder sql =
                new StringBuilder("SELECT ").append(COLUMNS).append(" ").append("""
                FROM reviews r LEFT JOIN decisions d ON d.account_id = r.account_id AND d.review_id = r.id
                 WHERE r.account_id = :a""");
        switch (q.status()) {
            case "open" -> sql.append(" AND r.is_open = 1");
            case "decided" -> sql.append(" AND r.is_open = 0");
            case "all" -> {}
            default -> sql.append(" AND r.status = :status");
        }
        appendEquals(sql, "form_id", "formId", q.formId());
        appendEquals(sql, "workflow_id", "workflowId", q.workflowId());
        appendEquals(sql, "run_id", "runId", q.runId());
        appendEquals(sql, "block_id", "blockId", q.blockId());
        if (!q.assignees().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM review_assignees x WHERE x.account_id = r.account_id")
                    .append(" AND x.review_id = r.id AND x.assignee IN (<assignees>))");
        }
        if (q.claimedBy() != null) {
            sql.append(" AND r.claim_by_id = :claimedBy AND r.claim_expires_at > :now");
        }
        if (q.overdue()) {
            sql.append(" AND r.is_open = 1 AND r.due_at <= :now");
        }
        QueueCursor after = q.after();
        switch (q.sort()) {
            case CREATED_AT -> {
                if (after != null) {
                    sql.append(" AND (r.created_at, r.id) > (:afterCreated, :afterId)");
                }
                sql.append(" ORDER BY r.created_at, r.id");
            }
            case DUE_AT -> {
                if (after != null) {
                    sql.append(" AND (r.due_at, r.created_at, r.id) > (:afterKey, :afterCreated, :afterId)");
                }
                sql.append(" ORDER BY r.due_at, r.created_at, r.id");
            }
            case PRIORITY -> {
                if (after != null) {
                    sql.append(" AND (r.priority < :afterKey OR (r.priority = :afterKey")
                            .append(" AND (r.created_at, r.id) > (:afterCreated, :afterId)))");
                }
                sql.append(" ORDER BY r.priority DESC, r.created_at, r.id");
            }
        }
        sql.append(" LIMIT :limit");
        Query query = h.createQuery(sql.toString())
                .bind("a", accountId)
                .bind("status", q.status())
                .bind("limit", q.limit() + 1);
        bindIfPresent(query, "formId", q.formId());
        bindIfPresent(query, "workflowId", q.workflowId());
        bindIfPresent(query, "runId", q.runId());
        bindIfPresent(query, "blockId", q.blockId());
        bindIfPresent(query, "claimedBy", q.claimedBy());
        if (!q.assignees().isEmpty()) {
            query.bindList("assignees", q.assignees());
        }
        if (q.claimedBy() != null || q.overdue()) {
            query.bind("now", q.now());
        }
        if (after != null) {
            query.bind("afterKey", after.key())
                    .bind("afterCreated", after.createdAt())
                    .bind("afterId", after.id());
        }
        return query.map((rs, ctx) -> {
                    Review header = ReviewRows.header(rs);
                    String verdict = rs.getString("verdict");
                    Decision decision = verdict == null
                            ? null
                            : new Decision(
                                    Verdict.fromWire(verdict).orElseThrow(),
                                    rs.getString("d_version_id"),
                                    rs.getString("reason"),
                                    Actor.from(Json.parse(rs.getString("decided_by"))),
                                    Via.fromWire(rs.getString("d_via")).orElse(Via.API),
                                    rs.getLong("decided_at"));
                    return ReviewRows.withHistory(header, new ReviewHistory(List.of(), List.of(), List.of(), decision));
                })
                .list();
    }

    private static void appendEquals(StringBuilder sql, String column, String name, String value) {
        if (value != null) {
            sql.append(" AND r.").append(column).append(" = :").append(name);
        }
    }

    private static void bindIfPresent(Query query, String name, String value) {
        if (value != null) {
            query.bind(name, value);
        }
    }
}
