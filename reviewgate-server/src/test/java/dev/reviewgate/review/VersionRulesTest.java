package dev.reviewgate.review;

import static dev.reviewgate.review.RuleFixtures.BLOG;
import static dev.reviewgate.review.RuleFixtures.blog;
import static dev.reviewgate.review.RuleFixtures.review;
import static dev.reviewgate.review.RuleFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.SnapshotValidator;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules 1–5 of the product's rules 1–12 (versions), in the order the specification lists them, tested on the
 * domain classes directly: no HTTP, no SQL, no JSON request bodies. {@link DecisionRulesTest} goes on with rule 6.
 */
class VersionRulesTest {

    @Test
    void rule1_theVersionIdIsTheSha256OfTheCanonicalJson() throws Exception {
        JsonNode snapshot = Json.parse("{\"b\": 2, \"a\": \"x\", \"c\": [1.50, true]}");
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("{\"a\":\"x\",\"b\":2,\"c\":[1.5,true]}".getBytes(StandardCharsets.UTF_8));

        assertThat(CanonicalJson.versionId(snapshot)).isEqualTo(HexFormat.of().formatHex(digest));
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
