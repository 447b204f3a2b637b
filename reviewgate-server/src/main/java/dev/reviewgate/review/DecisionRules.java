package dev.reviewgate.review;

import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.List;

/** Rules 6–8: two verdicts, on an exact version, exactly once. */
public final class DecisionRules {

    /** Whether a decision request changes anything. */
    public enum Outcome { APPLY, ALREADY_APPLIED }

    public static final int MAX_REASON_LENGTH = 10_000;

    private DecisionRules() {
    }

    public static Outcome decide(Review review, String verdict, String versionId, String reason) {
        if (review.isDecided()) {
            if (review.decision().sameAs(verdict, versionId)) {
                return Outcome.ALREADY_APPLIED;
            }
            throw alreadyDecided(review);
        }
        List<Violation> errors = new ArrayList<>();
        if (review.version(versionId).isEmpty()) {
            errors.add(new Violation("/versionId", "no version " + versionId + " in this review"));
        }
        if (Decision.REJECTED.equals(verdict) && (reason == null || reason.isBlank())) {
            errors.add(new Violation("/reason", "a rejection needs a non-empty reason"));
        }
        Problem.throwIfAny(errors);
        return Outcome.APPLY;
    }

    /** The 409 for any change to a decided review; its body carries the current decision. */
    public static Problem alreadyDecided(Review review) {
        Decision d = review.decision();
        return Problem.conflict("The review was already " + d.verdict() + " on version " + d.versionId() + ".")
                .with("decision", ReviewJson.decision(d));
    }
}
