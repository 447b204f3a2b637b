package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.blogFields;
import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gotoHuman retry loop over HTTP: create → instructions → the instructions event in the
 * seed's shape → update via updateForReviewId → a second round → approve. Every test opens its own
 * review on its own copy of the seed's form, walking the loop only as far as its behaviour needs.
 */
class GotoHumanFlowTest extends ApiTest {

    private static final String SHORTER = "Make this shorter. 500 chars max";
    private static final String MORE_FORMAL = "More formal, please";
    private static final String IMAGE_1 = "https://cdn.example.com/my-image.jpg";
    private static final String IMAGE_2 = "https://cdn.example.com/my-image2.jpg";
    private static final String IMAGE_3 = "https://cdn.example.com/my-regenerated-image3.jpg";
    private static final JsonNode FIRST = blogFields("My long blog post ...", IMAGE_1, IMAGE_2);
    private static final JsonNode SECOND = blogFields("My blog post, shorter.", IMAGE_3);
    private static final JsonNode THIRD = blogFields("Dear reader, a shorter post.", IMAGE_3);

    private static final AtomicInteger FORMS = new AtomicInteger();

    /** A review on its own blog form; {@code versionIds} lists the model outputs so far, oldest first. */
    private record BlogReview(String formId, String reviewId, List<String> versionIds) {

        String version(int n) {
            return versionIds.get(n - 1);
        }
    }

    @Test
    void aReviewOpensPendingOnItsFirstVersion() {
        Api.Response created = create(newBlogForm(), FIRST);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("versionId").asText()).isEqualTo(CanonicalJson.versionId(FIRST));
        assertThat(created.body().get("status").asText()).isEqualTo("pending");
        assertThat(created.body().get("triggeredBy")).isEqualTo(json("{'kind':'always'}"));
    }

    @Test
    void instructionsPutTheReviewInChangesRequested() {
        BlogReview review = newReview();

        Api.Response instructed = instructShorterAndRerunImages(review);

        assertThat(instructed.status()).isEqualTo(200);
        assertThat(instructed.body().get("status").asText()).isEqualTo("changes_requested");
    }

    @Test
    void theInstructionsEventHasTheSeedsShape() {
        BlogReview review = instructedReview();

        JsonNode event = lastEvent(review);

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
    void anUpdateAddsAModelOutputOnTheInstructedVersionAndReopensTheReview() {
        BlogReview review = instructedReview();

        Api.Response updated = update(review, SECOND);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("status").asText()).isEqualTo("pending");
        String secondVersion = updated.body().get("versionId").asText();
        JsonNode stored = api.get("/v1/reviews/" + review.reviewId()).body();
        assertThat(stored.get("headVersionId").asText()).isEqualTo(secondVersion);
        assertThat(stored.at("/versionsById/" + secondVersion + "/origin").asText())
                .isEqualTo("model_output");
        assertThat(stored.at("/versionsById/" + secondVersion + "/parentId").asText())
                .isEqualTo(review.version(1));
    }

    @Test
    void aSecondRoundCarriesEveryTextInstructionOnTheUpdatedVersion() {
        BlogReview review = secondRound();

        JsonNode event = lastEvent(review);

        assertThat(event.at("/responseValues/blog/allTextInstructions"))
                .isEqualTo(json("['%s','%s']".formatted(SHORTER, MORE_FORMAL)));
        assertThat(event.get("versionId").asText()).isEqualTo(review.version(2));
    }

    @Test
    void aSecondRoundDoesNotRepeatAnInstructionOfTheFirst() {
        BlogReview review = secondRound();

        JsonNode event = lastEvent(review);

        assertThat(event.at("/responseValues/imageOptions/instruction").isMissingNode())
                .isTrue();
    }

    /** The seed end to end: two rounds, the third output approved, one event per step. */
    @Test
    void theRetryLoopRunsTwoRoundsAndEndsApproved() {
        BlogReview review = thirdOutput();

        Api.Response approved =
                api.post("/v1/reviews/" + review.reviewId() + "/approve", Map.of("versionId", review.version(3)));

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(approved.body().at("/review/status").asText()).isEqualTo("approved");
        assertThat(approved.body()
                        .at("/review/versionsById/" + review.version(3) + "/parentId")
                        .asText())
                .isEqualTo(review.version(2));
        assertThat(sequences(review)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void theApprovalEventReportsTheApprovedVersionAndItsValues() {
        BlogReview review = thirdOutput();
        api.post("/v1/reviews/" + review.reviewId() + "/approve", Map.of("versionId", review.version(3)));

        JsonNode decision = lastEvent(review);

        assertThat(decision.get("type").asText()).isEqualTo("review");
        assertThat(decision.get("event").asText()).isEqualTo("review.approved");
        assertThat(decision.get("response").asText()).isEqualTo("approved");
        assertThat(decision.get("versionId").asText()).isEqualTo(review.version(3));
        assertThat(decision.at("/responseValues/blog/value").asText()).isEqualTo("Dear reader, a shorter post.");
    }

    @Test
    void aHumanEditAddsAVersionAndLeavesTheReviewPending() {
        BlogReview review = newReview(blogFields("Draft", IMAGE_1, IMAGE_2));

        Api.Response edit = editByHuman(review);

        assertThat(edit.status()).isEqualTo(201);
        assertThat(edit.body().at("/review/status").asText()).isEqualTo("pending");
    }

    @Test
    void aHumanEditIsReportedAsEditedWhenApproved() {
        BlogReview review = newReview(blogFields("Draft", IMAGE_1, IMAGE_2));
        String edited = editByHuman(review).body().get("versionId").asText();

        api.post("/v1/reviews/" + review.reviewId() + "/approve", Map.of("versionId", edited));

        JsonNode event = lastEvent(review);
        assertThat(event.at("/responseValues/blog/wasEdited").asBoolean()).isTrue();
        assertThat(event.at("/responseValues/imageOptions/wasEdited").asBoolean())
                .isTrue();
        assertThat(event.at("/responseValues/imageOptions/value")).isEqualTo(json("[{'url':'%s'}]".formatted(IMAGE_2)));
    }

    @Test
    void anUpdateEqualToTheHeadAddsNoVersion() {
        JsonNode first = blogFields("One", IMAGE_1);
        BlogReview review = newReview(first);
        rerunImages(review);

        Api.Response same = update(review, first);

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body().get("status").asText()).isEqualTo("pending");
        assertThat(api.get("/v1/reviews/" + review.reviewId())
                        .body()
                        .get("versionsById")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anUpdateEqualToAnOlderVersionIs409() {
        JsonNode first = blogFields("One", IMAGE_1);
        BlogReview review = newReview(first);
        rerunImages(review);
        update(review, blogFields("Two", IMAGE_1));

        Api.Response back = update(review, first);

        assertThat(back.status()).isEqualTo(409);
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

    // ------------------------------------------------------------------ fixture: the loop, step by step

    /** The seed's blog form under an id of its own, so no other test's reviews or revisions touch it. */
    private String newBlogForm() {
        ObjectNode form = (ObjectNode) Fixtures.blogForm();
        form.put("id", "blog-review-" + FORMS.incrementAndGet());
        assertThat(api.post("/v1/forms", form).status()).isEqualTo(201);
        return form.get("id").asText();
    }

    private Api.Response create(String formId, JsonNode fields) {
        return api.post("/v1/reviews", Map.of("formId", formId, "fields", fields, "meta", Map.of("postId", 7)));
    }

    /** The seed's first output, pending. */
    private BlogReview newReview() {
        return newReview(FIRST);
    }

    private BlogReview newReview(JsonNode fields) {
        String formId = newBlogForm();
        Api.Response created = create(formId, fields);
        assertThat(created.status()).isEqualTo(201);
        return new BlogReview(
                formId,
                created.body().get("reviewId").asText(),
                List.of(created.body().get("versionId").asText()));
    }

    /** Dana's first round: shorten the post, regenerate the images. */
    private Api.Response instructShorterAndRerunImages(BlogReview review) {
        return api.post("/v1/reviews/" + review.reviewId() + "/instructions", json("""
                {'fields':{'blog':{'type':'textInstruction','text':'%s'},'imageOptions':{'type':'rerun'}},
                 'author':{'kind':'human','id':'dana','displayName':'Dana Rivera'}}""".formatted(SHORTER)));
    }

    private void rerunImages(BlogReview review) {
        api.post(
                "/v1/reviews/" + review.reviewId() + "/instructions",
                json("{'fields':{'imageOptions':{'type':'rerun'}}}"));
    }

    private Api.Response update(BlogReview review, JsonNode fields) {
        return api.post(
                "/v1/reviews",
                Map.of("formId", review.formId(), "updateForReviewId", review.reviewId(), "fields", fields));
    }

    /** The first output with the first round of instructions on it. */
    private BlogReview instructedReview() {
        BlogReview review = newReview();
        assertThat(instructShorterAndRerunImages(review).status()).isEqualTo(200);
        return review;
    }

    /** The agent's answer to the first round, instructed again: "more formal". */
    private BlogReview secondRound() {
        BlogReview review = withOutput(instructedReview(), SECOND);
        api.post(
                "/v1/reviews/" + review.reviewId() + "/instructions",
                json("{'fields':{'blog':{'type':'textInstruction','text':'%s'}}}".formatted(MORE_FORMAL)));
        return review;
    }

    /** The agent's answer to the second round, waiting for a decision. */
    private BlogReview thirdOutput() {
        return withOutput(secondRound(), THIRD);
    }

    private BlogReview withOutput(BlogReview review, JsonNode fields) {
        Api.Response updated = update(review, fields);
        assertThat(updated.status()).isEqualTo(200);
        List<String> versions = new ArrayList<>(review.versionIds());
        versions.add(updated.body().get("versionId").asText());
        return new BlogReview(review.formId(), review.reviewId(), List.copyOf(versions));
    }

    /** A reviewer rewrites the post and keeps only the second image. */
    private Api.Response editByHuman(BlogReview review) {
        return api.post(
                "/v1/reviews/" + review.reviewId() + "/versions",
                Map.of("parentId", review.version(1), "snapshot", blogFields("Draft, edited by a human", IMAGE_2)));
    }

    private JsonNode lastEvent(BlogReview review) {
        JsonNode events =
                api.get("/v1/reviews/" + review.reviewId() + "/events").body().get("data");
        return events.get(events.size() - 1);
    }

    private List<Integer> sequences(BlogReview review) {
        List<Integer> out = new ArrayList<>();
        api.get("/v1/reviews/" + review.reviewId() + "/events")
                .body()
                .get("data")
                .forEach(e -> out.add(e.get("sequence").asInt()));
        return out;
    }
}
