package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.blogFields;
import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gotoHuman retry loop end to end over HTTP: create → instructions → the instructions event
 * in the seed's shape → update via updateForReviewId → a second round → approve.
 */
class GotoHumanFlowTest extends ApiTest {

    private static final String SHORTER = "Make this shorter. 500 chars max";
    private static final String IMAGE_1 = "https://cdn.example.com/my-image.jpg";
    private static final String IMAGE_2 = "https://cdn.example.com/my-image2.jpg";

    @Override
    protected void setUp() {
        assertThat(api.post("/v1/forms", Fixtures.blogForm()).status()).isEqualTo(201);
    }

    @Test
    void theRetryLoopRunsTwoRoundsAndEndsApproved() {
        JsonNode first = blogFields("My long blog post ...", IMAGE_1, IMAGE_2);
        Api.Response created = api.post("/v1/reviews", Map.of("formId", "blog-review", "fields", first,
                "meta", Map.of("postId", 7)));
        assertThat(created.status()).isEqualTo(201);
        String reviewId = created.body().get("reviewId").asText();
        String firstVersion = created.body().get("versionId").asText();
        assertThat(firstVersion).isEqualTo(CanonicalJson.versionId(first));
        assertThat(created.body().get("status").asText()).isEqualTo("pending");
        assertThat(created.body().get("triggeredBy")).isEqualTo(json("{'kind':'always'}"));

        Api.Response instructed = api.post("/v1/reviews/" + reviewId + "/instructions", json("""
                {'fields':{'blog':{'type':'textInstruction','text':'%s'},'imageOptions':{'type':'rerun'}},
                 'author':{'kind':'human','id':'dana','displayName':'Dana Rivera'}}""".formatted(SHORTER)));
        assertThat(instructed.status()).isEqualTo(200);
        assertThat(instructed.body().get("status").asText()).isEqualTo("changes_requested");

        JsonNode event = lastEvent(reviewId);
        assertThat(event.get("type").asText()).isEqualTo("instructions");
        assertThat(event.get("event").asText()).isEqualTo("review.instructions");
        assertThat(event.get("formName").asText()).isEqualTo("Review blog post");
        assertThat(event.get("respondingUser").asText()).isEqualTo("Dana Rivera");
        assertThat(event.get("respondedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(event.get("meta")).isEqualTo(json("{'postId':7}"));
        assertThat(event.get("responseValues").get("blog")).isEqualTo(json("""
                {'value':'My long blog post ...','wasEdited':false,
                 'instruction':{'type':'textInstruction','text':'%s'},'allTextInstructions':['%s']}"""
                .formatted(SHORTER, SHORTER)));
        JsonNode images = event.get("responseValues").get("imageOptions");
        assertThat(images.get("value")).isEqualTo(json("[{'url':'%s'},{'url':'%s'}]".formatted(IMAGE_1, IMAGE_2)));
        assertThat(images.get("instruction")).isEqualTo(json("{'type':'rerun'}"));
        assertThat(images.get("allTextInstructions")).isEmpty();

        JsonNode second = blogFields("My blog post, shorter.", "https://cdn.example.com/my-regenerated-image3.jpg");
        Api.Response updated = api.post("/v1/reviews", Map.of("formId", "blog-review", "updateForReviewId", reviewId,
                "fields", second));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("status").asText()).isEqualTo("pending");
        String secondVersion = updated.body().get("versionId").asText();
        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        assertThat(review.get("headVersionId").asText()).isEqualTo(secondVersion);
        assertThat(review.at("/versionsById/" + secondVersion + "/origin").asText()).isEqualTo("model_output");
        assertThat(review.at("/versionsById/" + secondVersion + "/parentId").asText()).isEqualTo(firstVersion);

        api.post("/v1/reviews/" + reviewId + "/instructions",
                json("{'fields':{'blog':{'type':'textInstruction','text':'More formal, please'}}}"));
        JsonNode secondRound = lastEvent(reviewId);
        assertThat(secondRound.at("/responseValues/blog/allTextInstructions"))
                .isEqualTo(json("['%s','More formal, please']".formatted(SHORTER)));
        assertThat(secondRound.at("/responseValues/imageOptions/instruction").isMissingNode()).isTrue();
        assertThat(secondRound.get("versionId").asText()).isEqualTo(secondVersion);

        JsonNode third = blogFields("Dear reader, a shorter post.", "https://cdn.example.com/my-regenerated-image3.jpg");
        String thirdVersion = api.post("/v1/reviews", Map.of("formId", "blog-review", "updateForReviewId", reviewId,
                "fields", third)).body().get("versionId").asText();
        Api.Response approved = api.post("/v1/reviews/" + reviewId + "/approve", Map.of("versionId", thirdVersion));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(approved.body().at("/review/status").asText()).isEqualTo("approved");
        assertThat(approved.body().at("/review/versionsById/" + thirdVersion + "/parentId").asText()).isEqualTo(secondVersion);

        JsonNode decision = lastEvent(reviewId);
        assertThat(decision.get("type").asText()).isEqualTo("review");
        assertThat(decision.get("event").asText()).isEqualTo("review.approved");
        assertThat(decision.get("response").asText()).isEqualTo("approved");
        assertThat(decision.get("versionId").asText()).isEqualTo(thirdVersion);
        assertThat(decision.at("/responseValues/blog/value").asText()).isEqualTo("Dear reader, a shorter post.");
        assertThat(sequences(reviewId)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aHumanEditIsReportedAsEditedWhenApproved() {
        String reviewId = api.post("/v1/reviews", Map.of("formId", "blog-review",
                "fields", blogFields("Draft", IMAGE_1, IMAGE_2))).body().get("reviewId").asText();
        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        String parent = review.get("headVersionId").asText();
        Api.Response edit = api.post("/v1/reviews/" + reviewId + "/versions", Map.of("parentId", parent,
                "snapshot", blogFields("Draft, edited by a human", IMAGE_2)));
        assertThat(edit.status()).isEqualTo(201);
        assertThat(edit.body().at("/review/status").asText()).isEqualTo("pending");
        String edited = edit.body().get("versionId").asText();

        api.post("/v1/reviews/" + reviewId + "/approve", Map.of("versionId", edited));

        JsonNode event = lastEvent(reviewId);
        assertThat(event.at("/responseValues/blog/wasEdited").asBoolean()).isTrue();
        assertThat(event.at("/responseValues/imageOptions/wasEdited").asBoolean()).isTrue();
        assertThat(event.at("/responseValues/imageOptions/value")).isEqualTo(json("[{'url':'%s'}]".formatted(IMAGE_2)));
    }

    @Test
    void anUpdateEqualToTheHeadAddsNoVersionAndOneEqualToAnOlderVersionIs409() {
        JsonNode first = blogFields("One", IMAGE_1);
        String reviewId = api.post("/v1/reviews", Map.of("formId", "blog-review", "fields", first))
                .body().get("reviewId").asText();
        api.post("/v1/reviews/" + reviewId + "/instructions", json("{'fields':{'imageOptions':{'type':'rerun'}}}"));
        Api.Response same = api.post("/v1/reviews", Map.of("formId", "blog-review", "updateForReviewId", reviewId,
                "fields", first));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("status").asText()).isEqualTo("pending");
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("versionsById").size()).isEqualTo(1);

        api.post("/v1/reviews", Map.of("formId", "blog-review", "updateForReviewId", reviewId,
                "fields", blogFields("Two", IMAGE_1)));
        Api.Response back = api.post("/v1/reviews", Map.of("formId", "blog-review", "updateForReviewId", reviewId,
                "fields", first));
        assertThat(back.status()).isEqualTo(409);
    }

    @Test
    void anInstructionAFieldDoesNotAllowIs422() {
        api.put("/v1/forms/no-retry", json("{'name':'No retry','fields':[{'id':'text','type':'text'}]}"));
        String reviewId = api.post("/v1/reviews", Map.of("formId", "no-retry", "fields", Map.of("text", "x")))
                .body().get("reviewId").asText();
        Api.Response refused = api.post("/v1/reviews/" + reviewId + "/instructions",
                json("{'fields':{'text':{'type':'rerun'}}}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().at("/errors/0/pointer").asText()).isEqualTo("/fields/text/type");
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText()).isEqualTo("pending");
    }

    private JsonNode lastEvent(String reviewId) {
        JsonNode events = api.get("/v1/reviews/" + reviewId + "/events").body().get("data");
        return events.get(events.size() - 1);
    }

    private java.util.List<Integer> sequences(String reviewId) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        api.get("/v1/reviews/" + reviewId + "/events").body().get("data").forEach(e -> out.add(e.get("sequence").asInt()));
        return out;
    }
}
