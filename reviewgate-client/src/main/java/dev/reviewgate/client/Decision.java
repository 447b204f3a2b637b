package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The terminal verdict of a review, on one exact version.
 *
 * @param verdict   approved or rejected
 * @param versionId the version decided on; for an approval, the one that flows downstream
 * @param reason    why (required for a rejection), or null
 * @param decidedBy who decided (a person, or the review policy's agent)
 * @param decidedAt when
 */
public record Decision(Verdict verdict, String versionId, String reason, Actor decidedBy, Instant decidedAt) {

    /** The two verdicts. */
    public enum Verdict {
        /** The version flows downstream. */
        @JsonProperty("approved")
        APPROVED,
        /** The run should stop; {@link Decision#reason()} says why. */
        @JsonProperty("rejected")
        REJECTED
    }

    /**
     * Whether this is an approval.
     *
     * @return true when {@link #verdict()} is {@link Verdict#APPROVED}
     */
    public boolean isApproved() {
        return verdict == Verdict.APPROVED;
    }
}
