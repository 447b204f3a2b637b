package dev.reviewgate.review;

import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;

/** The one terminal verdict of a review, on one exact version. */
public record Decision(Verdict verdict, String versionId, String reason, Actor decidedBy, Via via, long decidedAt) {

    /** True when a repeated request asks for exactly this decision (rule 8: {@code already_applied}). */
    public boolean sameAs(Verdict otherVerdict, String otherVersionId) {
        return verdict == otherVerdict && versionId.equals(otherVersionId);
    }
}
