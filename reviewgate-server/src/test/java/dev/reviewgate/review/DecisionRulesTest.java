package dev.reviewgate.review;

import static dev.reviewgate.review.RuleFixtures.approved;
import static dev.reviewgate.review.RuleFixtures.blog;
import static dev.reviewgate.review.RuleFixtures.review;
import static dev.reviewgate.review.RuleFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import org.junit.jupiter.api.Test;

/**
 * Rules 6–8 of the product's rules 1–12 (decisions), in the order the specification lists them, tested on the
 * domain classes directly: no HTTP, no SQL, no JSON request bodies. {@link InstructionRulesTest} goes on with rule 9.
 */
class DecisionRulesTest {

    @Test
    void rule6_aRejectionNeedsAReason() {
        Review review = review();

        assertThatThrownBy(() -> DecisionRules.decide(review, Verdict.REJECTED, review.headVersionId(), " "))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Violation::pointer)
                                .containsExactly("/reason"));
        assertThat(DecisionRules.decide(review, Verdict.APPROVED, review.headVersionId(), null))
                .isEqualTo(DecisionRules.Outcome.APPLY);
    }

    @Test
    void rule7_aDecisionNamesAnExistingVersion() {
        assertThatThrownBy(() -> DecisionRules.decide(review(), Verdict.APPROVED, "0".repeat(64), null))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Violation::pointer)
                                .containsExactly("/versionId"));
    }

    @Test
    void rule8_theSameDecisionAgainIsAlreadyApplied() {
        Review decided = approved(review());

        assertThat(DecisionRules.decide(decided, Verdict.APPROVED, decided.headVersionId(), null))
                .isEqualTo(DecisionRules.Outcome.ALREADY_APPLIED);
    }

    @Test
    void rule8_anyOtherDecisionOnADecidedReviewIsAConflict() {
        Review review = review();
        Review decided =
                approved(review.withVersion(version(blog("edited"), review.headVersionId(), Origin.HUMAN_EDIT), 2));
        String root = review.headVersionId();

        assertThat(DecisionRules.decide(decided, Verdict.REJECTED, decided.headVersionId(), "no"))
                .isEqualTo(DecisionRules.Outcome.CONFLICT);
        assertThat(DecisionRules.decide(decided, Verdict.APPROVED, root, null))
                .isEqualTo(DecisionRules.Outcome.CONFLICT);
    }
}
