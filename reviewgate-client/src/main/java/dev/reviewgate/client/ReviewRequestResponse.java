package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@link Reviews#send(ReviewRequest)} and {@link ReviewRequestBuilder#sendRequest()}.
 *
 * @param reviewId    the review, {@code rev_…}; pass it to {@link ReviewRequestBuilder#updateForReview(String)} later
 * @param status      {@code PENDING} when a person must look, {@code APPROVED} when the review policy approved at once
 * @param versionId   the content-hash id of the version just submitted
 * @param link        the review's page in the web app
 * @param triggeredBy the review-policy predicate that opened the gate, or null when it approved at once
 * @param decision    the policy's decision when it approved at once, else null
 */
public record ReviewRequestResponse(
        String reviewId, ReviewStatus status, String versionId, String link, JsonNode triggeredBy, Decision decision) {

    /**
     * Normalises a JSON null {@code triggeredBy} to null.
     *
     * @param reviewId    the review
     * @param status      its status
     * @param versionId   the submitted version
     * @param link        its page
     * @param triggeredBy the predicate, or null
     * @param decision    the policy's decision, or null
     */
    public ReviewRequestResponse {
        triggeredBy = Json.orNull(triggeredBy);
    }
}
