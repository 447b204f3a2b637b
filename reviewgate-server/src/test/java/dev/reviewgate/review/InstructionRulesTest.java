package dev.reviewgate.review;

import static dev.reviewgate.review.RuleFixtures.DANA;
import static dev.reviewgate.review.RuleFixtures.blog;
import static dev.reviewgate.review.RuleFixtures.first;
import static dev.reviewgate.review.RuleFixtures.header;
import static dev.reviewgate.review.RuleFixtures.instruct;
import static dev.reviewgate.review.RuleFixtures.labels;
import static dev.reviewgate.review.RuleFixtures.review;
import static dev.reviewgate.review.RuleFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormParser;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rules 9–12 of the product's rules 1–12 (instructions and the retry loop), in the order the specification lists
 * them, tested on the domain classes directly: no HTTP, no SQL, no JSON request bodies.
 */
class InstructionRulesTest {

    private static final FormDefinition NO_RETRIES = FormParser.parse(Fixtures.json("""
            {'id':'plain','name':'Plain','fields':[{'id':'blog','type':'markdown'},
              {'id':'note','type':'text','retry':{'button':true,'instructions':false}}]}"""));

    @Test
    void rule9_aFieldAllowsOnlyTheRetryKindsItsFormGives() {
        Review review = Review.open(
                header("plain"), labels(), first(Json.parse("{\"blog\":\"x\",\"note\":\"n\"}")), true, ReviewWork.NONE);
        Map<String, RetryRequest> asks = new LinkedHashMap<>();
        asks.put("blog", RetryRequest.rerun());
        asks.put("note", RetryRequest.text("shorter"));

        assertThatThrownBy(() -> InstructionRules.give(review, NO_RETRIES, asks, DANA, Via.WEB, 2))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Violation::pointer)
                                .containsExactly("/fields/blog/type", "/fields/note/type"));
        assertThat(InstructionRules.give(review, NO_RETRIES, Map.of("note", RetryRequest.rerun()), DANA, Via.WEB, 2))
                .extracting(Instruction::type)
                .containsExactly(InstructionType.RERUN);
    }

    @Test
    void rule9_aTextInstructionIsNonEmptyAndBoundedWhoeverBuildsIt() {
        Review review = review();
        String tooLong = "x".repeat(InstructionRules.MAX_TEXT_LENGTH + 1);

        for (String text : new String[] {" ", tooLong}) {
            assertThatThrownBy(() -> InstructionRules.give(
                            review, RuleFixtures.BLOG, Map.of("blog", RetryRequest.text(text)), DANA, Via.WEB, 2))
                    .isInstanceOfSatisfying(
                            Problem.class,
                            p -> assertThat(p.errors())
                                    .extracting(Violation::pointer)
                                    .containsExactly("/fields/blog/text"));
        }
    }

    @Test
    void rule10_instructionsRequestChangesAndCollectEveryTextOldestFirst() {
        Review review = review();
        Review first = instruct(review, Map.of("blog", RetryRequest.text("Make this shorter")), 2);
        Review updated = first.withUpdate(
                Optional.of(version(blog("shorter"), first.headVersionId(), Origin.MODEL_OUTPUT)),
                CanonicalJson.versionId(blog("shorter")),
                first.labels(),
                3);
        Review second = instruct(
                updated, Map.of("blog", RetryRequest.text("Now more formal"), "imageOptions", RetryRequest.rerun()), 4);

        assertThat(first.status()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(second.round()).isEqualTo(2);
        assertThat(second.history().allTextInstructions("blog"))
                .containsExactly("Make this shorter", "Now more formal");
        assertThat(second.history().allTextInstructions("imageOptions")).isEmpty();
    }

    @Test
    void rule11_anUpdateIsAModelOutputOnTheInstructedVersionAndReopensTheReview() {
        Review instructed = instruct(review(), Map.of("blog", RetryRequest.text("shorter")), 2);
        String asked = instructed.headVersionId();

        VersionRules.Append update = VersionRules.update(instructed, blog("shorter"));
        Review updated = instructed.withUpdate(
                Optional.of(version(blog("shorter"), update.parentId(), Origin.MODEL_OUTPUT)),
                update.versionId(),
                instructed.labels(),
                3);

        assertThat(update.created()).isTrue();
        assertThat(update.parentId()).isEqualTo(asked);
        assertThat(updated.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(updated.head().origin()).isEqualTo(Origin.MODEL_OUTPUT);
    }

    @Test
    void rule11_anUpdateEqualToTheHeadAddsNoVersionAndOneEqualToAnOlderVersionIs409() {
        Review review = review();
        String root = review.headVersionId();
        Review edited = review.withVersion(version(blog("edited"), root, Origin.HUMAN_EDIT), 2);

        assertThat(VersionRules.update(edited, blog("edited")).created()).isFalse();
        assertThatThrownBy(() -> VersionRules.update(edited, review.head().snapshot()))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }

    @Test
    void rule12_aFieldWasEditedWhenItDiffersFromTheLatestModelOutput() {
        Review review = review();
        Version edit = version(
                Fixtures.blogFields("The model's post, edited", "https://cdn.example.com/a.jpg"),
                review.headVersionId(),
                Origin.HUMAN_EDIT);
        Review edited = review.withVersion(edit, 2);

        assertThat(edited.history().wasEdited(edit, "blog")).isTrue();
        assertThat(edited.history().wasEdited(edit, "imageOptions")).isFalse();
    }
}
