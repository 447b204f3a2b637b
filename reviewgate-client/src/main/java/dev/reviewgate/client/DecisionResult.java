package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@link Reviews#approve} and {@link Reviews#reject}.
 *
 * @param submissionStatus whether this call made the decision, found it already made identically, or recorded a
 *                         vote toward a quorum
 * @param review           the review after the call: decided, or with the vote in {@link Review#votes()}
 */
public record DecisionResult(SubmissionStatus submissionStatus, Review review) {

    /** Whether the decision was made by this call. */
    public enum SubmissionStatus {
        /** This call decided the review (for a quorum, it cast the vote that completed it). */
        @JsonProperty("applied")
        APPLIED,
        /** The exact same decision, or this person's vote on this version, already stood; nothing changed. */
        @JsonProperty("already_applied")
        ALREADY_APPLIED,
        /** An approval vote toward a quorum that is not complete yet; the review is still undecided. */
        @JsonProperty("recorded")
        RECORDED,
        /** A status this SDK version does not know yet. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
