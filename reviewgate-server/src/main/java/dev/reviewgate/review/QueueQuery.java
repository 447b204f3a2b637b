package dev.reviewgate.review;

import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.KeysetCursor;
import dev.reviewgate.kernel.KeysetPage;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters and position of one queue page. The cursor is the {@code (createdAt, id)} of the last
 * row of the previous page, so every page is an index range scan, never an OFFSET.
 */
public record QueueQuery(
        String status,
        String formId,
        String workflowId,
        String runId,
        String blockId,
        String assignee,
        int limit,
        Long afterCreatedAt,
        String afterId) {

    private static final Set<String> STATUSES =
            Set.of("pending", "changes_requested", "approved", "rejected", "open", "decided", "all");
    private static final Set<String> PARAMETERS =
            Set.of("status", "formId", "workflowId", "runId", "blockId", "assignee", "limit", "cursor");

    /** Reads query parameters; anything unknown or out of range is a 400 naming the parameter. */
    public static QueueQuery parse(Map<String, String> params, Function<String, String> param) {
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
        int limit = KeysetPage.limit(param.apply("limit"));
        KeysetCursor after = KeysetCursor.decode(param.apply("cursor"));
        Long afterCreatedAt = after == null ? null : after.createdAt();
        String afterId = after == null ? null : after.id();
        return new QueueQuery(
                status,
                param.apply("formId"),
                param.apply("workflowId"),
                param.apply("runId"),
                param.apply("blockId"),
                param.apply("assignee"),
                limit,
                afterCreatedAt,
                afterId);
    }

    public static String cursorAfter(Review last) {
        return new KeysetCursor(last.createdAt(), last.id()).encode();
    }
}
