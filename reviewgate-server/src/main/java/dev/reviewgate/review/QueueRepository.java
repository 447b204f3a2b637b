package dev.reviewgate.review;

import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for the review queue, oldest first. Each filter combination reads one of the
 * {@code reviews_queue_*} indexes as a range starting after the cursor.
 */
public final class QueueRepository {

    private static final String COLUMNS = ReviewRepository.HEADER_COLUMNS.replaceAll("(\\w+)", "r.$1")
            + ", d.verdict, d.version_id AS d_version_id, d.reason, d.decided_by, d.decided_at";

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
        if (q.assignee() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM review_assignees x WHERE x.account_id = r.account_id")
                    .append(" AND x.review_id = r.id AND x.assignee = :assignee)");
        }
        if (q.afterId() != null) {
            sql.append(" AND (r.created_at, r.id) > (:afterCreated, :afterId)");
        }
        sql.append(" ORDER BY r.created_at, r.id LIMIT :limit");
        Query query = h.createQuery(sql.toString())
                .bind("a", accountId)
                .bind("status", q.status())
                .bind("limit", q.limit() + 1);
        bindIfPresent(query, "formId", q.formId());
        bindIfPresent(query, "workflowId", q.workflowId());
        bindIfPresent(query, "runId", q.runId());
        bindIfPresent(query, "blockId", q.blockId());
        bindIfPresent(query, "assignee", q.assignee());
        if (q.afterId() != null) {
            query.bind("afterCreated", q.afterCreatedAt()).bind("afterId", q.afterId());
        }
        return query.map((rs, ctx) -> {
                    Review header = ReviewRepository.header(rs);
                    String verdict = rs.getString("verdict");
                    Decision decision = verdict == null
                            ? null
                            : new Decision(
                                    Verdict.fromWire(verdict).orElseThrow(),
                                    rs.getString("d_version_id"),
                                    rs.getString("reason"),
                                    Actor.from(Json.parse(rs.getString("decided_by"))),
                                    rs.getLong("decided_at"));
                    return ReviewRepository.withHistory(header, new ReviewHistory(List.of(), List.of(), decision));
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
