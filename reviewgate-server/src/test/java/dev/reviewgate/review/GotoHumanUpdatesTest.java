package dev.reviewgate.review;

import static dev.reviewgate.review.GotoHumanLoop.IMAGE_1;
import static dev.reviewgate.review.GotoHumanLoop.SECOND;
import static dev.reviewgate.testing.Fixtures.blogFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.review.GotoHumanLoop.BlogReview;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * gotoHuman updates over HTTP (updateForReviewId): a new output goes on the instructed version and
 * reopens the review, the head's snapshot again adds no version, an older one is 409. Every test
 * opens its own review (see {@link GotoHumanLoop}).
 */
class GotoHumanUpdatesTest extends ApiTest {

    private GotoHumanLoop loop;

    @Override
    protected void setUp() {
        loop = new GotoHumanLoop(api);
    }

    @Test
    void anUpdateAddsAModelOutputOnTheInstructedVersionAndReopensTheReview() {
        BlogReview review = loop.instructedReview();

        Api.Response updated = loop.update(review, SECOND);

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
    void anUpdateEqualToTheHeadAddsNoVersion() {
        JsonNode first = blogFields("One", IMAGE_1);
        BlogReview review = loop.newReview(first);
        loop.rerunImages(review);

        Api.Response same = loop.update(review, first);

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
        BlogReview review = loop.newReview(first);
        loop.rerunImages(review);
        loop.update(review, blogFields("Two", IMAGE_1));

        Api.Response back = loop.update(review, first);

        assertThat(back.status()).isEqualTo(409);
    }
}
