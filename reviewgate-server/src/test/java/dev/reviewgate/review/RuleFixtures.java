package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormParser;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.routing.Assignees;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;

/**
 * The product's rules 1–12, in the order the specification lists them, tested on the domain classes
 * directly: no HTTP, no SQL, no JSON request bodies — rules 1–5 in {@link VersionRulesTest}, 6–8 in
 * {@link DecisionRulesTest}, 9–12 in {@link InstructionRulesTest}. This is the fixture they share: a blog
 * review opened on a model's output, and the versions, decisions and instructions built on it.
 */
final class RuleFixtures {

    private static final Actor MODEL = new Actor(Actor.MODEL, "gpt", "GPT");
    static final Actor DANA = new Actor(Actor.HUMAN, "dana", "Dana Rivera");
    static final FormDefinition BLOG = FormParser.parse(Fixtures.blogForm());

    private RuleFixtures() {}

    static Review review() {
        return Review.open(
                header("blog-review"),
                labels(),
                first(Fixtures.blogFields("The model's post", "https://cdn.example.com/a.jpg")),
                true,
                ReviewWork.NONE);
    }

    static Review approved(Review review) {
        return review.withDecision(new Decision(Verdict.APPROVED, review.headVersionId(), null, DANA, Via.WEB, 5), 5);
    }

    static Review instruct(Review review, Map<String, RetryRequest> asks, long now) {
        return review.withInstructions(InstructionRules.give(review, BLOG, asks, DANA, Via.WEB, now), now);
    }

    static ReviewHeader header(String formId) {
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

    static ReviewLabels labels() {
        return new ReviewLabels(null, Json.object(), Assignees.NONE, ReviewLabels.DEFAULT_PRIORITY);
    }

    static Version first(JsonNode snapshot) {
        return new Version(CanonicalJson.versionId(snapshot), 1, null, Origin.MODEL_OUTPUT, MODEL, null, snapshot, 1);
    }

    static Version version(JsonNode snapshot, String parentId, Origin origin) {
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

    static JsonNode blog(String text) {
        return Fixtures.blogFields(text, "https://cdn.example.com/a.jpg");
    }
}
