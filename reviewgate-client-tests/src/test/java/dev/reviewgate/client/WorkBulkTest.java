package dev.reviewgate.client;

import static dev.reviewgate.client.PeopleAndWork.DANA;
import static dev.reviewgate.client.PeopleAndWork.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk decisions over the items a reviewer saw: each item on its own, each with its own status. */
class WorkBulkTest {

    private Reviewgate rg;
    private PeopleAndWork work;
    private String form;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        work = new PeopleAndWork(rg);
        form = work.form();
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    @Test
    void aBulkApproveWithOneStaleItemReportsEachItemsStatus() {
        ReviewRequestResponse fresh = work.review(form, "First").sendRequest();
        ReviewRequestResponse stale = work.review(form, "Second").sendRequest();
        List<BulkDecision.Item> seen = rg.reviews().list(ListParams.open().formId(form)).stream()
                .map(BulkDecision.Item::of)
                .toList();
        assertThat(seen).extracting(BulkDecision.Item::reviewId).containsExactly(fresh.reviewId(), stale.reviewId());
        // Meanwhile someone else decides the second item: what the reviewer saw of it is stale.
        rg.reviews().reject(stale.reviewId(), stale.versionId(), "Duplicate.");

        BulkResult result = rg.work().decideInBulk(BulkDecision.approve(seen).author(DANA));

        assertThat(result.results())
                .extracting(BulkResult.ItemResult::reviewId)
                .containsExactly(fresh.reviewId(), stale.reviewId());
        BulkResult.ItemResult applied = result.results().get(0);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.submissionStatus()).isEqualTo(DecisionResult.SubmissionStatus.APPLIED);
        assertThat(applied.error()).isNull();
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.reviewId()).isEqualTo(stale.reviewId());
            assertThat(f.status()).isEqualTo(409);
            assertThat(f.submissionStatus()).isNull();
            assertThat(f.error()).contains("rejected");
        });
        assertThat(rg.reviews().get(fresh.reviewId()).decision().decidedBy()).isEqualTo(DANA);
        assertThat(rg.reviews().get(stale.reviewId()).decision().verdict()).isEqualTo(Decision.Verdict.REJECTED);
    }

    @Test
    void anUnknownVersionFailsOnlyItsItem() {
        ReviewRequestResponse a = work.review(form, "First").sendRequest();
        ReviewRequestResponse b = work.review(form, "Second").sendRequest();

        BulkResult result = rg.work()
                .decideInBulk(BulkDecision.reject(
                                List.of(
                                        new BulkDecision.Item(a.reviewId(), a.versionId()),
                                        new BulkDecision.Item(b.reviewId(), "0".repeat(64))),
                                "Not now.")
                        .author(SAM));

        assertThat(result.results()).extracting(BulkResult.ItemResult::status).containsExactly(200, 422);
        assertThat(rg.reviews().get(a.reviewId()).decision().reason()).isEqualTo("Not now.");
        assertThat(rg.reviews().get(b.reviewId()).isDecided()).isFalse();
    }

    @Test
    void anEmptyItemListIsAValidationException() {
        assertThatThrownBy(() -> rg.work().decideInBulk(BulkDecision.approve(List.of())))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.pointers()).containsExactly("/items"));
    }
}
