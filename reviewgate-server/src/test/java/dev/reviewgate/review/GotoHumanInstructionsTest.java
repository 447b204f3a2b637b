package dev.reviewgate.review;

import static dev.reviewgate.review.GotoHumanLoop.FIRST;
import static dev.reviewgate.review.GotoHumanLoop.IMAGE_1;
import static dev.reviewgate.review.GotoHumanLoop.IMAGE_2;
import static dev.reviewgate.review.GotoHumanLoop.MORE_FORMAL;
import static dev.reviewgate.review.GotoHumanLoop.SHORTER;
import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.review.GotoHumanLoop.BlogReview;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * gotoHuman instructions over HTTP: they put the review in changes_requested, the instructions
 * event has the seed's shape, a second round carries every text instruction, and a field that
 * allows no instruction refuses one. Every test opens its own review (see {@link GotoHumanLoop}).
 */
class GotoHumanInstructionsTest extends ApiTest {

    private GotoHumanLoop loop;

    @Override
    protected void setUp() {
        loop = new GotoHumanLoop(api);
    }

    @Test
    void aReviewOpensPendingOnItsFirstVersion() {
        Api.Response created = loop.create(loop.newBlogForm(), FIRST);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("versionId").asText()).isEqualTo(CanonicalJson.versionId(FIRST));
        assertThat(created.body().get("status").asText()).isEqualTo("pending");
        assertThat(created.body().get("triggeredBy")).isEqualTo(json("{'kind':'always'}"));
    }

    @Test
    void instructionsPutTheReviewInChangesRequested() {
        BlogReview review = loop.newReview();

        Api.Response instructed = loop.instructShorterAndRerunImages(review);

        assertThat(instructed.status()).isEqualTo(200);
        assertThat(instructed.body().get("status").asText()).isEqualTo("changes_requested");
    }

    @Test
    void theInstructionsEventHasTheSeedsShape() {
        BlogReview review = loop.instructedReview();

        JsonNode event = loop.lastEvent(review);

        assertThat(event.get("type").asText()).isEqualTo("instructions");
        assertThat(event.get("event").asText()).isEqualTo("review.instructions");
        assertThat(event.get("formName").asText()).isEqualTo("Review blog post");
        assertThat(event.get("respondingUser").asText()).isEqualTo("Dana Rivera");
        assertThat(event.get("respondedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(event.get("meta")).isEqualTo(json("{'postId':7}"));
        assertThat(event.get("responseValues").get("blog")).isEqualTo(json("""
                {'value':'My long blog post ...','wasEdited':false,
                 'instruction':{'type':'textInstruction','text':'%s'},'allTextInstructions':['%s']}""".formatted(SHORTER, SHORTER)));
        JsonNode images = event.get("responseValues").get("imageOptions");
        assertThat(images.get("value")).isEqualTo(json("[{'url':'%s'},{'url':'%s'}]".formatted(IMAGE_1, IMAGE_2)));
        assertThat(images.get("instruction")).isEqualTo(json("{'type':'rerun'}"));
        assertThat(images.get("allTextInstructions")).isEmpty();
    }

    @Test
    void aSecondRoundCarriesEveryTextInstructionOnTheUpdatedVersion() {
        BlogReview review = loop.secondRound();

        JsonNode event = loop.lastEvent(review);

        assertThat(event.at("/responseValues/blog/allTextInstructions"))
                .isEqualTo(json("['%s','%s']".formatted(SHORTER, MORE_FORMAL)));
        assertThat(event.get("versionId").asText()).isEqualTo(review.version(2));
    }

    @Test
    void aSecondRoundDoesNotRepeatAnInstructionOfTheFirst() {
        BlogReview review = loop.secondRound();

        JsonNode event = loop.lastEvent(review);

        assertThat(event.at("/responseValues/imageOptions/instruction").isMissingNode())
                .isTrue();
    }

    @Test
    void anInstructionAFieldDoesNotAllowIs422() {
        api.put("/v1/forms/no-retry", json("{'name':'No retry','fields':[{'id':'text','type':'text'}]}"));
        String reviewId = api.post("/v1/reviews", Map.of("formId", "no-retry", "fields", Map.of("text", "x")))
                .body()
                .get("reviewId")
                .asText();

        Api.Response refused =
                api.post("/v1/reviews/" + reviewId + "/instructions", json("{'fields':{'text':{'type':'rerun'}}}"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().at("/errors/0/pointer").asText()).isEqualTo("/fields/text/type");
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText())
                .isEqualTo("pending");
    }
}
