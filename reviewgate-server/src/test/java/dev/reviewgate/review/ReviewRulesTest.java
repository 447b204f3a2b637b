package dev.reviewgate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormParser;
import dev.reviewgate.form.SnapshotValidator;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The product's rules 1–12, in the order the specification lists them, tested on the domain classes
 * directly: no HTTP, no SQL, no JSON request bodies.
 */
class ReviewRulesTest {

    private static final Actor MODEL = new Actor(Actor.MODEL, "gpt", "GPT");
    private static final Actor DANA = new Actor(Actor.HUMAN, "dana", "Dana Rivera");
    private static final FormDefinition BLOG = FormParser.parse(Fixtures.blogForm());
    private static final FormDefinition NO_RETRIES = FormParser.parse(Fixtures.json("""
            {'id':'plain','name':'Plain','fields':[{'id':'blog','type':'markdown'},
              {'id':'note','type':'text','retry':{'button':true,'instructions':false}}]}"""));

    @Nested
    class Versions {

        @Test
        void rule1_theVersionIdIsTheSha256OfTheCanonicalJson() throws Exception {
            JsonNode snapshot = Json.parse("{\"b\": 2, \"a\": \"x\", \"c\": [1.50, true]}");
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest("{\"a\":\"x\",\"b\":2,\"c\":[1.5,true]}".getBytes(StandardCharsets.UTF_8));

            assertThat(CanonicalJson.versionId(snapshot))
                    .isEqualTo(HexFormat.of().formatHex(digest));
        }

        @Test
        void rule1_numbersCanonicalJsonCannotHoldExactlyAreRefused() {
            JsonNode snapshot = Json.parse("{\"big\": 9007199254740993, \"ok\": 9007199254740992}");

            assertThat(CanonicalJson.unrepresentableNumbers(snapshot, "/snapshot"))
                    .extracting(Violation::pointer)
                    .containsExactly("/snapshot/big");
        }

        @Test
        void rule2_aVersionKeepsTheExactSubmittedObject() {
            JsonNode submitted = Json.parse("{\"imageOptions\": [], \"blog\": \"B first, 1.0 kept\"}");
            Review review = review().withVersion(version(submitted, review().headVersionId(), Origin.HUMAN_EDIT), 2);

            assertThat(review.head().snapshot()).isSameAs(submitted);
            assertThat(Json.write(review.head().snapshot())).isEqualTo(Json.write(submitted));
        }

        @Test
        void rule3_theParentMustBeAVersionOfThisReview() {
            assertThatThrownBy(() -> VersionRules.append(review(), blog("edited"), "not-a-version"))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.status()).isEqualTo(422);
                        assertThat(p.errors()).extracting(Violation::pointer).containsExactly("/parentId");
                    });
        }

        @Test
        void rule3_anEditNamesTheVersionItWasAuthoredFromNotTheLatest() {
            Review review = review();
            String root = review.headVersionId();
            Review edited = review.withVersion(version(blog("second"), root, Origin.HUMAN_EDIT), 2);

            VersionRules.Append fromRoot = VersionRules.append(edited, blog("third"), root);

            assertThat(fromRoot.created()).isTrue();
            assertThat(fromRoot.parentId()).isEqualTo(root);
        }

        @Test
        void rule4_theSameSnapshotFromTheSameParentAddsNothing() {
            Review review = review();
            String root = review.headVersionId();
            Review edited = review.withVersion(version(blog("edited"), root, Origin.HUMAN_EDIT), 2);

            VersionRules.Append again = VersionRules.append(edited, blog("edited"), root);

            assertThat(again.created()).isFalse();
            assertThat(again.versionId()).isEqualTo(edited.headVersionId());
        }

        @Test
        void rule4_theSameSnapshotFromAnotherParentIs409() {
            Review review = review();
            String root = review.headVersionId();

            assertThatThrownBy(() -> VersionRules.append(review, review.head().snapshot(), root))
                    .isInstanceOfSatisfying(
                            Problem.class, p -> assertThat(p.status()).isEqualTo(409));
        }

        @Test
        void rule5_anEditIsAWholeSnapshotThatMustMatchTheForm() {
            JsonNode edit = Json.parse("{\"blog\": 42, \"unknown\": true}");

            List<Violation> errors = SnapshotValidator.validateEdit(
                    BLOG, edit, review().head().snapshot(), Set.of("blog", "imageOptions"), "/snapshot");

            assertThat(errors).extracting(Violation::pointer).contains("/snapshot/blog", "/snapshot/unknown");
        }
    }

    @Nested
    class Decisions {

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

    @Nested
    class RetryLoop {

        @Test
        void rule9_aFieldAllowsOnlyTheRetryKindsItsFormGives() {
            Review review =
                    Review.open(header("plain"), labels(), first(Json.parse("{\"blog\":\"x\",\"note\":\"n\"}")), true);
            Map<String, RetryRequest> asks = new LinkedHashMap<>();
            asks.put("blog", RetryRequest.rerun());
            asks.put("note", RetryRequest.text("shorter"));

            assertThatThrownBy(() -> InstructionRules.give(review, NO_RETRIES, asks, DANA, 2))
                    .isInstanceOfSatisfying(
                            Problem.class,
                            p -> assertThat(p.errors())
                                    .extracting(Violation::pointer)
                                    .containsExactly("/fields/blog/type", "/fields/note/type"));
            assertThat(InstructionRules.give(review, NO_RETRIES, Map.of("note", RetryRequest.rerun()), DANA, 2))
                    .extracting(Instruction::type)
                    .containsExactly(InstructionType.RERUN);
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
                    updated,
                    Map.of("blog", RetryRequest.text("Now more formal"), "imageOptions", RetryRequest.rerun()),
                    4);

            assertThat(first.status()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
            assertThat(second.round()).isEqualTo(2);
            assertThat(second.allTextInstructions("blog")).containsExactly("Make this shorter", "Now more formal");
            assertThat(second.allTextInstructions("imageOptions")).isEmpty();
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

            assertThat(edited.wasEdited(edit, "blog")).isTrue();
            assertThat(edited.wasEdited(edit, "imageOptions")).isFalse();
        }
    }

    private static Review review() {
        return Review.open(
                header("blog-review"),
                labels(),
                first(Fixtures.blogFields("The model's post", "https://cdn.example.com/a.jpg")),
                true);
    }

    private static Review approved(Review review) {
        return review.withDecision(new Decision(Verdict.APPROVED, review.headVersionId(), null, DANA, 5), 5);
    }

    private static Review instruct(Review review, Map<String, RetryRequest> asks, long now) {
        return review.withInstructions(InstructionRules.give(review, BLOG, asks, DANA, now), now);
    }

    private static ReviewHeader header(String formId) {
        return new ReviewHeader(
                "acc_1",
                "rev_1",
                new ReviewHeader.FormPin(formId, 1, formId),
                new ReviewHeader.RunAddress(null, null, null),
                List.of("blog", "imageOptions", "note"),
                null,
                null,
                1);
    }

    private static ReviewLabels labels() {
        return new ReviewLabels(null, Json.object(), List.of(), List.of());
    }

    private static Version first(JsonNode snapshot) {
        return new Version(CanonicalJson.versionId(snapshot), 1, null, Origin.MODEL_OUTPUT, MODEL, null, snapshot, 1);
    }

    private static Version version(JsonNode snapshot, String parentId, Origin origin) {
        return new Version(
                CanonicalJson.versionId(snapshot),
                2,
                parentId,
                origin,
                origin == Origin.MODEL_OUTPUT ? MODEL : DANA,
                null,
                snapshot,
                2);
    }

    private static JsonNode blog(String text) {
        return Fixtures.blogFields(text, "https://cdn.example.com/a.jpg");
    }
}
