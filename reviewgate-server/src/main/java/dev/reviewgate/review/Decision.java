package dev.reviewgate.review;

import dev.reviewgate.kernel.Actor;

/** The one terminal verdict of a review, on one exact version. */
public record Decision(String verdict, String versionId, String reason, Actor decidedBy, long decidedAt) {

    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    /** True when a repeated request asks for exactly this decision (rule 8: {@code already_applied}). */
    public boolean sameAs(String otherVerdict, String otherVersionId) {
        return verdict.equals(otherVerdict) && versionId.equals(otherVersionId);
    }
}
