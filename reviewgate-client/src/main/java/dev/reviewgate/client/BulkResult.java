package dev.reviewgate.client;

import java.util.List;

/**
 * The answer to {@link Work#decideInBulk(BulkDecision)}: one result per item, in the order sent.
 * The call itself succeeds when the request is well formed; each item succeeds or fails on its own.
 *
 * @param results per item
 */
public record BulkResult(List<ItemResult> results) {

    /**
     * What one item got, as if it had been decided alone.
     *
     * @param reviewId         the review
     * @param status           the HTTP status a single decision would have had: 200, or e.g. 404, 409, 422
     * @param submissionStatus on 200: {@code APPLIED}, {@code ALREADY_APPLIED} or {@code RECORDED}; else null
     * @param error            on failure, the problem's detail, else null
     */
    public record ItemResult(
            String reviewId, int status, DecisionResult.SubmissionStatus submissionStatus, String error) {

        /**
         * Whether this item was decided (or its vote recorded, or it stood already).
         *
         * @return true on status 200
         */
        public boolean isOk() {
            return status == 200;
        }
    }

    /**
     * Normalises an absent list.
     *
     * @param results per item
     */
    public BulkResult {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /**
     * The items that failed.
     *
     * @return those whose status is not 200, in order
     */
    public List<ItemResult> failures() {
        return results.stream().filter(r -> !r.isOk()).toList();
    }
}
