package dev.reviewgate.client;

import static dev.reviewgate.client.InvoiceReviews.MODEL_OUTPUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Retab style, reading: list the queue page by page and filtered, get a review by id or by run address, each
 * given as a {@link ReviewAddress} or as strings.
 */
class ReviewsReadTest {

    private Reviewgate rg;
    private Reviews reviews;
    private InvoiceReviews invoices;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        reviews = rg.reviews();
        invoices = new InvoiceReviews(rg);
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    @Test
    void listsEveryPageOfTheQueue() {
        String workflow = LiveServer.unique("wf");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(invoices.gate(workflow, LiveServer.unique("run")).reviewId());
        }
        ReviewList list = reviews.list(ListParams.open().workflowId(workflow).pageSize(3));
        assertThat(list).extracting(ReviewSummary::id).containsExactlyElementsOf(created);
        assertThat(list.stream().map(ReviewSummary::id).toList()).containsExactlyElementsOf(created);
        assertThat(list.stream().findFirst().orElseThrow().status()).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void filtersTheQueue() {
        String workflow = LiveServer.unique("wf");
        String run = LiveServer.unique("run");
        ReviewRequestResponse open = invoices.gate(workflow, run);
        ReviewRequestResponse decided = invoices.gate(workflow, LiveServer.unique("run"));
        reviews.approve(ReviewAddress.byId(decided.reviewId()), decided.versionId());

        assertThat(reviews.list(ListParams.open().workflowId(workflow)))
                .extracting(ReviewSummary::id)
                .containsExactly(open.reviewId());
        assertThat(reviews.list(
                        ListParams.open().status(ListParams.Status.DECIDED).workflowId(workflow)))
                .extracting(ReviewSummary::id)
                .containsExactly(decided.reviewId());
        assertThat(reviews.list(ListParams.open()
                        .status(ListParams.Status.ALL)
                        .formId(invoices.formId())
                        .runId(run)
                        .blockId("block_extract")))
                .extracting(ReviewSummary::id)
                .containsExactly(open.reviewId());
        assertThat(reviews.list(ListParams.open().workflowId(workflow).assignee("nobody")))
                .isEmpty();
        assertThat(reviews.list()).extracting(ReviewSummary::id).contains(open.reviewId());
    }

    @Test
    void getsByIdAndByRunAddress() {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = invoices.gate("wf_abc123", run);
        Review byRun = reviews.get(ReviewAddress.byRun(run, "block_extract"));
        Review byId = reviews.get(sent.reviewId());
        assertThat(byRun).isEqualTo(byId);
        assertThat(reviews.get(ReviewAddress.byRun(run, "block_extract")).id()).isEqualTo(sent.reviewId());
        assertThat(byId.versionsById().get(sent.versionId()).snapshotAs(Map.class))
                .isEqualTo(MODEL_OUTPUT);
        assertThat(byId.triggeredBy().path("kind").asText()).isEqualTo("confidence_lt");
        assertThat(byId.awaitingSince()).isNotNull();
    }

    @Test
    void unknownReviewsAreNotFound() {
        assertThatThrownBy(() -> reviews.get("rev_does_not_exist"))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> reviews.get(ReviewAddress.byRun("run_nobody", "block_none")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reviews.approve(ReviewAddress.byId("rev_nope"), VersionIds.of(Map.of())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void addressesAreEitherAnIdOrARun() {
        assertThatThrownBy(() -> new ReviewAddress("rev_1", "run", "block"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewAddress(null, "run", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReviewAddress.byRun("r", "b").toString()).isEqualTo("run r block b");
    }
}
