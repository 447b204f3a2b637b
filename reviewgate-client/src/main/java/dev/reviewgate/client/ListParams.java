package dev.reviewgate.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Filters of the review queue, built by chaining: {@code ListParams.open().workflowId("wf_abc123")}.
 * Instances are immutable; every method returns a new one.
 *
 * @param status     which reviews to list
 * @param formId     only this form's reviews, or null
 * @param workflowId only this workflow's reviews, or null
 * @param runId      only this run's reviews, or null
 * @param blockId    only this block's reviews, or null
 * @param assignee   only reviews assigned to this user (by e-mail) or group (by id), or null
 * @param claimedBy  only reviews whose live claim this actor id holds, or null
 * @param overdue    only undecided reviews past their due time
 * @param sort       the order of the queue
 * @param pageSize   reviews fetched per request, 1–200 (the iterator fetches the following pages)
 */
public record ListParams(
        Status status,
        String formId,
        String workflowId,
        String runId,
        String blockId,
        String assignee,
        String claimedBy,
        boolean overdue,
        Sort sort,
        int pageSize) {

    /** The queue's status filter. */
    public enum Status {
        /** Waiting for a person. */
        PENDING,
        /** Waiting for the agent's update. */
        CHANGES_REQUESTED,
        /** Approved. */
        APPROVED,
        /** Rejected. */
        REJECTED,
        /** Not decided: pending or changes requested (the server's default). */
        OPEN,
        /** Approved or rejected. */
        DECIDED,
        /** Every review. */
        ALL
    }

    /** The queue's order; each is keyset-paginated by the server, so pages never skip or repeat. */
    public enum Sort {
        /** Oldest first (the default). */
        CREATED_AT("createdAt"),
        /** Soonest due first; reviews without a deadline last. */
        DUE_AT("dueAt"),
        /** Highest priority first, then oldest first. */
        PRIORITY("priority");

        private final String wire;

        Sort(String wire) {
            this.wire = wire;
        }

        /**
         * The name the API uses.
         *
         * @return e.g. {@code dueAt}
         */
        public String wire() {
            return wire;
        }
    }

    /**
     * Checks the page size.
     *
     * @param status     which reviews to list
     * @param formId     only this form's reviews, or null
     * @param workflowId only this workflow's reviews, or null
     * @param runId      only this run's reviews, or null
     * @param blockId    only this block's reviews, or null
     * @param assignee   only reviews assigned to this user or group, or null
     * @param claimedBy  only reviews claimed by this actor id, or null
     * @param overdue    only overdue reviews
     * @param sort       the order; null means {@link Sort#CREATED_AT}
     * @param pageSize   reviews fetched per request, 1–200
     */
    public ListParams {
        sort = sort == null ? Sort.CREATED_AT : sort;
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("pageSize must be 1–200, not " + pageSize);
        }
    }

    /**
     * The open queue (not decided), 50 per page.
     *
     * @return the default filters
     */
    public static ListParams open() {
        return new ListParams(Status.OPEN, null, null, null, null, null, null, false, Sort.CREATED_AT, 50);
    }

    /**
     * Another status filter.
     *
     * @param value the status
     * @return a copy with it
     */
    public ListParams status(Status value) {
        return new ListParams(value, formId, workflowId, runId, blockId, assignee, claimedBy, overdue, sort, pageSize);
    }

    /**
     * Only one form's reviews.
     *
     * @param value the form id
     * @return a copy with it
     */
    public ListParams formId(String value) {
        return new ListParams(status, value, workflowId, runId, blockId, assignee, claimedBy, overdue, sort, pageSize);
    }

    /**
     * Only one workflow's reviews.
     *
     * @param value the workflow id
     * @return a copy with it
     */
    public ListParams workflowId(String value) {
        return new ListParams(status, formId, value, runId, blockId, assignee, claimedBy, overdue, sort, pageSize);
    }

    /**
     * Only one run's reviews.
     *
     * @param value the run id
     * @return a copy with it
     */
    public ListParams runId(String value) {
        return new ListParams(status, formId, workflowId, value, blockId, assignee, claimedBy, overdue, sort, pageSize);
    }

    /**
     * Only one block's reviews.
     *
     * @param value the block id
     * @return a copy with it
     */
    public ListParams blockId(String value) {
        return new ListParams(status, formId, workflowId, runId, value, assignee, claimedBy, overdue, sort, pageSize);
    }

    /**
     * Only reviews assigned to one user, or to one group; a user's filter does not include their groups.
     *
     * @param value the user's e-mail, or a group id
     * @return a copy with it
     */
    public ListParams assignee(String value) {
        return new ListParams(status, formId, workflowId, runId, blockId, value, claimedBy, overdue, sort, pageSize);
    }

    /**
     * Only reviews whose live claim one actor holds.
     *
     * @param value the actor id, as in {@link Actor#id()}
     * @return a copy with it
     */
    public ListParams claimedBy(String value) {
        return new ListParams(status, formId, workflowId, runId, blockId, assignee, value, overdue, sort, pageSize);
    }

    /**
     * Only undecided reviews past their due time, or every review again.
     *
     * @param value true for overdue reviews only
     * @return a copy with it
     */
    public ListParams overdue(boolean value) {
        return new ListParams(status, formId, workflowId, runId, blockId, assignee, claimedBy, value, sort, pageSize);
    }

    /**
     * Another order.
     *
     * @param value e.g. {@link Sort#PRIORITY}
     * @return a copy with it
     */
    public ListParams sort(Sort value) {
        return new ListParams(
                status, formId, workflowId, runId, blockId, assignee, claimedBy, overdue, value, pageSize);
    }

    /**
     * Another page size; iteration still goes through every page.
     *
     * @param value 1–200
     * @return a copy with it
     */
    public ListParams pageSize(int value) {
        return new ListParams(status, formId, workflowId, runId, blockId, assignee, claimedBy, overdue, sort, value);
    }

    /** The query string of one page request, starting with {@code ?}. */
    String query(String cursor) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("status", status.name().toLowerCase(Locale.ROOT));
        putIfSet(q, "formId", formId);
        putIfSet(q, "workflowId", workflowId);
        putIfSet(q, "runId", runId);
        putIfSet(q, "blockId", blockId);
        putIfSet(q, "assignee", assignee);
        putIfSet(q, "claimedBy", claimedBy);
        if (overdue) {
            q.put("overdue", "true");
        }
        if (sort != Sort.CREATED_AT) {
            q.put("sort", sort.wire());
        }
        q.put("limit", Integer.toString(pageSize));
        putIfSet(q, "cursor", cursor);
        return q.entrySet().stream()
                .map(e -> e.getKey() + "=" + ReviewAddress.segment(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static void putIfSet(Map<String, String> q, String name, String value) {
        if (value != null) {
            q.put(name, value);
        }
    }
}
