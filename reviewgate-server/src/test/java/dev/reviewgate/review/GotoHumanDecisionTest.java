package dev.reviewgate.review;

import static dev.reviewgate.review.GotoHumanLoop.IMAGE_1;
import static dev.reviewgate.review.GotoHumanLoop.IMAGE_2;
import static dev.reviewgate.testing.Fixtures.blogFields;
import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.review.GotoHumanLoop.BlogReview;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * gotoHuman decisions over HTTP: the seed's loop ends approved with one event per step, the
 * approval event reports the approved version, and a human edit is reported as edited. Every test
 * opens its own review (see {@link GotoHumanLoop}).
 */
class GotoHumanDecisionTest extends ApiTest {

    private GotoHumanLoop loop;

    @Override
    protected void setUp() {
        loop = new GotoHumanLoop(api);
    }

    /** The seed end to end: two rounds, the third output approved, one event per step. */
    @Test
    void theRetryLoopRunsTwoRoundsAndEndsApproved() {
        BlogReview review = loop.thirdOutput();

        Api.Response approved =
                api.post("/v1/reviews/" + review.reviewId() + "/approve", Map.of("versionId", review.version(3)));

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(approved.body().at("/review/status").asText()).isEqualTo("approved");
        assertThat(approved.body()
                        .at("/review/versionsById/" + review.version(3) + "/parentId")
                        .asText())
                .isEqualTo(review.version(2));
        assertThat(loop.sequences(review)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void theApprovalEventReportsTheApprovedVersionAndItsValues() {
        BlogReview review = loop.thirdOutput();
        api.post("/v1/reviews/" + review.reviewId() + "/approve", Map.of("versionId", review.version(3)));

        JsonNode decision = loop.lastEvent(review);

        assertThat(decision.get("type").asText()).isEqualTo("review");
        assertThat(decision.get("event").asText()).isEqualTo("review.approved");
        assertThat(decision.get("response").asText()).isEqualTo("approved");
        assertThat(decision.get("versionId").asText()).isEqualTo(review.version(3));
        assertThat(decision.at("/responseValues/blog/value").asText()).isEqualTo("Dear reader, a shorter post.");
    }

    @Test
    void aHumanEditAddsAVersionAndLeavesTheReviewPending() {
        BlogReview review = loop.newReview(blogFields("Draft", IMAGE_1, IMAGE_2));

        Api.Response edit = loop.editByHuman(review);

        assertThat(edit.status()).isEqualTo(201);
        assertThat(edit.body().at("/review/status").asText()).isEqualTo("pending");
    }

    @Test
    void aHumanEditIsReportedAsEditedWhenApproved() {
        BlogReview review = loop.newReview(blogFields("Draft", IMAGE_1, IMAGE_2));
        String edited = loop.editByHuman(review).body().get("versionId").asText();

        api.post("/v1/reviews/" + review.reviewId() + "/approve", Map.of("versionId", edited));

        JsonNode event = loop.lastEvent(review);
        assertThat(event.at("/responseValues/blog/wasEdited").asBoolean()).isTrue();
        assertThat(event.at("/responseValues/imageOptions/wasEdited").asBoolean())
                .isTrue();
        assertThat(event.at("/responseValues/imageOptions/value")).isEqualTo(json("[{'url':'%s'}]".formatted(IMAGE_2)));
    }
}
