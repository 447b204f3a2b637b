package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@link Reviews#approve} and {@link Reviews#reject}.
 *
 * @param submissionStatus whether this call made the decision or found it already made identically
 * @param review           the decided review
 */
public record DecisionResult(SubmissionStatus submissionStatus, Review review) {

    /** Whether the decision was made by this call. */
    public enum SubmissionStatus {
        /** This call decided the review. */
        @JsonProperty("applied")
        APPLIED,
        /** The exact same decision already stood; nothing changed. */
        @JsonProperty("already_applied")
        ALREADY_APPLIED
    }
}
