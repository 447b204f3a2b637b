package dev.reviewgate.review;

import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.KeysetPage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters, order and position of one queue page. The cursor is the last row's sort key,
 * {@code createdAt} and id, so every page is an index range scan, never an OFFSET.
 *
 * @param assignees reviews assigned to any of these e-mails or group ids (empty: no filter)
 * @param claimedBy reviews whose live claim is held by this actor id, or null
 * @param overdue   only open reviews past their due time
 * @param now       the time {@code overdue} and live claims are judged at
 */
public record QueueQuery(
        String status,
        String formId,
        String workflowId,
        String runId,
        String blockId,
        List<String> assignees,
        String claimedBy,
        boolean overdue,
        QueueSort sort,
        int limit,
        QueueCursor after,
        long now) {

    private static final Set<String> STATUSES =
            Set.of("pending", "changes_requested", "approved", "rejected", "open", "decided", "all");
    private static final Set<String> PARAMETERS = Set.of(
            "status",
            "formId",
            "workflowId",
            "runId",
            "blockId",
            "assignee",
            "claimedBy",
            "overdue",
            "sort",
            "limit",
            "cursor");

    public QueueQuery {
        assignees = List.copyOf(assignees);
    }

    /** Reads query parameters; anything unknown or out of range is a 400 naming the parameter. */
    public static QueueQuery parse(Map<String, String> params, Function<String, String> param, long now) {
        params.keySet().stream()
                .filter(k -> !PARAMETERS.contains(k))
                .findFirst()
                .ifPresent(k -> {
                    throw Problem.badRequest("Unknown query parameter '" + k + "'. Known: " + PARAMETERS);
                });
        String status = param.apply("status") == null ? "open" : param.apply("status");
        if (!STATUSES.contains(status)) {
            throw Problem.badRequest("status must be one of " + STATUSES);
        }
        String sortText = param.apply("sort") == null ? "createdAt" : param.apply("sort");
        QueueSort sort = QueueSort.fromWire(sortText)
                .orElseThrow(() -> Problem.badRequest("sort must be one of createdAt, dueAt, priority"));
        String overdue = param.apply("overdue");
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw Problem.badRequest("overdue must be true or false");
        }
        String assignee = param.apply("assignee");
        return new QueueQuery(
                status,
                param.apply("formId"),
                param.apply("workflowId"),
                param.apply("runId"),
                param.apply("blockId"),
                assignee == null ? List.of() : List.of(assignee),
                param.apply("claimedBy"),
                "true".equals(overdue),
                sort,
                KeysetPage.limit(param.apply("limit")),
                QueueCursor.decode(param.apply("cursor"), sort),
                now);
    }

    /** The same query for the reviews assigned to any of {@code keys} (the inbox's "mine or my groups"). */
    public QueueQuery assignedToAnyOf(List<String> keys) {
        return new QueueQuery(
                status, formId, workflowId, runId, blockId, keys, claimedBy, overdue, sort, limit, after, now);
    }

    public String cursorAfter(Review last) {
        return QueueCursor.after(sort, last).encode();
    }
}
