package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The terminal verdict of a review, on one exact version.
 *
 * @param verdict   approved or rejected
 * @param versionId the version decided on; for an approval, the one that flows downstream
 * @param reason    why (required for a rejection), or null
 * @param decidedBy who decided (a person, the review policy's agent, or the deadline's)
 * @param via       the channel the decision came through ({@link Via#DEADLINE} when a deadline passed)
 * @param decidedAt when
 * @param votes     the quorum votes that made an approval, when the form requires more than one; else empty
 */
public record Decision(
        Verdict verdict,
        String versionId,
        String reason,
        Actor decidedBy,
        Via via,
        Instant decidedAt,
        List<Vote> votes) {

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
     * Normalises an absent vote list.
     *
     * @param verdict   approved or rejected
     * @param versionId the version decided on
     * @param reason    why, or null
     * @param decidedBy who decided
     * @param via       the channel
     * @param decidedAt when
     * @param votes     the quorum votes, or null
     */
    public Decision {
        votes = votes == null ? List.of() : List.copyOf(votes);
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
