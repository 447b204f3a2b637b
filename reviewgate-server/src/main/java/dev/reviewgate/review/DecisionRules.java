package dev.reviewgate.review;

import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.List;

/** Rules 6–8: two verdicts, on an exact version, exactly once. */
public final class DecisionRules {

    /** What a decision request does to the review. */
    public enum Outcome {
        /** The review is open and the request is valid: record it. */
        APPLY,
        /** The review already has exactly this decision: answer {@code already_applied}. */
        ALREADY_APPLIED,
        /** The review has another decision: a conflict carrying the current one. */
        CONFLICT
    }

    public static final int MAX_REASON_LENGTH = 10_000;

    private DecisionRules() {}

    /** The outcome of deciding {@code verdict} on {@code versionId}, or a 422 naming each problem (rules 6 and 7). */
    public static Outcome decide(Review review, Verdict verdict, String versionId, String reason) {
        if (review.isDecided()) {
            return review.decision().sameAs(verdict, versionId) ? Outcome.ALREADY_APPLIED : Outcome.CONFLICT;
        }
        List<Violation> errors = new ArrayList<>();
        if (review.version(versionId).isEmpty()) {
            errors.add(new Violation("/versionId", "no version " + versionId + " in this review"));
        }
        if (verdict == Verdict.REJECTED && (reason == null || reason.isBlank())) {
            errors.add(new Violation("/reason", "a rejection needs a non-empty reason"));
        }
        Problem.throwIfAny(errors);
        return Outcome.APPLY;
    }
}
