package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.blogFields;
import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gotoHuman retry loop, step by step, for the tests of its instructions, updates and
 * decisions: create → instructions → update via updateForReviewId → a second round → approve.
 * Every step opens its review on its own copy of the seed's form.
 */
final class GotoHumanLoop {

    static final String SHORTER = "Make this shorter. 500 chars max";
    static final String MORE_FORMAL = "More formal, please";
    static final String IMAGE_1 = "https://cdn.example.com/my-image.jpg";
    static final String IMAGE_2 = "https://cdn.example.com/my-image2.jpg";
    static final String IMAGE_3 = "https://cdn.example.com/my-regenerated-image3.jpg";
    static final JsonNode FIRST = blogFields("My long blog post ...", IMAGE_1, IMAGE_2);
    static final JsonNode SECOND = blogFields("My blog post, shorter.", IMAGE_3);
    static final JsonNode THIRD = blogFields("Dear reader, a shorter post.", IMAGE_3);

    private static final AtomicInteger FORMS = new AtomicInteger();

    /** A review on its own blog form; {@code versionIds} lists the model outputs so far, oldest first. */
    record BlogReview(String formId, String reviewId, List<String> versionIds) {

        String version(int n) {
            return versionIds.get(n - 1);
        }
    }

    private final Api api;

    GotoHumanLoop(Api api) {
        this.api = api;
    }

    /** The seed's blog form under an id of its own, so no other test's reviews or revisions touch it. */
    String newBlogForm() {
        ObjectNode form = (ObjectNode) Fixtures.blogForm();
        form.put("id", "blog-review-" + FORMS.incrementAndGet());
        assertThat(api.post("/v1/forms", form).status()).isEqualTo(201);
        return form.get("id").asText();
    }

    Api.Response create(String formId, JsonNode fields) {
        return api.post("/v1/reviews", Map.of("formId", formId, "fields", fields, "meta", Map.of("postId", 7)));
    }

    /** The seed's first output, pending. */
    BlogReview newReview() {
        return newReview(FIRST);
    }

    BlogReview newReview(JsonNode fields) {
        String formId = newBlogForm();
        Api.Response created = create(formId, fields);
        assertThat(created.status()).isEqualTo(201);
        return new BlogReview(
                formId,
                created.body().get("reviewId").asText(),
                List.of(created.body().get("versionId").asText()));
    }

    /** Dana's first round: shorten the post, regenerate the images. */
    Api.Response instructShorterAndRerunImages(BlogReview review) {
        return api.post("/v1/reviews/" + review.reviewId() + "/instructions", json("""
                {'fields':{'blog':{'type':'textInstruction','text':'%s'},'imageOptions':{'type':'rerun'}},
                 'author':{'kind':'human','id':'dana','displayName':'Dana Rivera'}}""".formatted(SHORTER)));
    }

    void rerunImages(BlogReview review) {
        api.post(
                "/v1/reviews/" + review.reviewId() + "/instructions",
                json("{'fields':{'imageOptions':{'type':'rerun'}}}"));
    }

    Api.Response update(BlogReview review, JsonNode fields) {
        return api.post(
                "/v1/reviews",
                Map.of("formId", review.formId(), "updateForReviewId", review.reviewId(), "fields", fields));
    }

    /** The first output with the first round of instructions on it. */
    BlogReview instructedReview() {
        BlogReview review = newReview();
        assertThat(instructShorterAndRerunImages(review).status()).isEqualTo(200);
        return review;
    }

    /** The agent's answer to the first round, instructed again: "more formal". */
    BlogReview secondRound() {
        BlogReview review = withOutput(instructedReview(), SECOND);
        api.post(
                "/v1/reviews/" + review.reviewId() + "/instructions",
                json("{'fields':{'blog':{'type':'textInstruction','text':'%s'}}}".formatted(MORE_FORMAL)));
        return review;
    }

    /** The agent's answer to the second round, waiting for a decision. */
    BlogReview thirdOutput() {
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
    Api.Response editByHuman(BlogReview review) {
        return api.post(
                "/v1/reviews/" + review.reviewId() + "/versions",
                Map.of("parentId", review.version(1), "snapshot", blogFields("Draft, edited by a human", IMAGE_2)));
    }

    JsonNode lastEvent(BlogReview review) {
        JsonNode events =
                api.get("/v1/reviews/" + review.reviewId() + "/events").body().get("data");
        return events.get(events.size() - 1);
    }

    List<Integer> sequences(BlogReview review) {
        List<Integer> out = new ArrayList<>();
        api.get("/v1/reviews/" + review.reviewId() + "/events")
                .body()
                .get("data")
                .forEach(e -> out.add(e.get("sequence").asInt()));
        return out;
    }
}
