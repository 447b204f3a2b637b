package dev.reviewgate.client;

import static dev.reviewgate.client.InvoiceReviews.DANA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Retab style, instructing: ask for a retry per field by id and by run address, each given as a
 * {@link ReviewAddress} or as strings.
 */
class ReviewsInstructTest {

    private Reviewgate rg;
    private Reviews reviews;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        reviews = rg.reviews();
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    @Test
    void instructsByIdAndByRunAddress() {
        String form = LiveServer.newBlogForm(rg);
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = rg.createReview(form)
                .addFieldData("blog", "Long post")
                .addFieldData("imageOptions", List.of(Map.of("url", "https://cdn.example.com/a.jpg")))
                .setRunAddress(run, "write")
                .sendRequest();

        Review review = reviews.instruct(
                ReviewAddress.byRun(run, "write"),
                Map.of("blog", FieldInstruction.text("Shorter"), "imageOptions", FieldInstruction.rerun()),
                null);
        assertThat(review.status()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(review.instructions())
                .extracting(
                        Instruction::fieldId,
                        Instruction::type,
                        Instruction::text,
                        Instruction::round,
                        Instruction::versionId)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("blog", FieldInstruction.Type.TEXT_INSTRUCTION, "Shorter", 1, sent.versionId()),
                        Tuple.tuple("imageOptions", FieldInstruction.Type.RERUN, null, 1, sent.versionId()));
        Review again = reviews.instruct(
                ReviewAddress.byId(sent.reviewId()),
                Map.of("blog", FieldInstruction.text("Even shorter")),
                Actor.human("dana", null));
        assertThat(again.instructions()).hasSize(3);
        assertThat(again.instructions().get(2).author().id()).isEqualTo("dana");
    }

    @Test
    void instructsByTheReviewIdOrTheRunAsStrings() {
        String form = LiveServer.newBlogForm(rg);
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = rg.createReview(form)
                .addFieldData("blog", "Long post")
                .setRunAddress(run, "write")
                .sendRequest();
        Map<String, FieldInstruction> shorter = Map.of("blog", FieldInstruction.text("Shorter"));

        reviews.instruct(ReviewAddress.byRun(run, "write"), shorter);
        reviews.instruct(ReviewAddress.byRun(run, "write"), shorter, DANA);
        reviews.instruct(sent.reviewId(), shorter);
        reviews.instruct(ReviewAddress.byId(sent.reviewId()), shorter, DANA);
        Review review = reviews.instruct(ReviewAddress.byId(sent.reviewId()), shorter);

        assertThat(review.id()).isEqualTo(sent.reviewId());
        assertThat(review.status()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(review.instructions())
                .extracting(i -> i.author().kind())
                .containsExactly(
                        Actor.Kind.AGENT, Actor.Kind.HUMAN, Actor.Kind.AGENT, Actor.Kind.HUMAN, Actor.Kind.AGENT);
    }
}
