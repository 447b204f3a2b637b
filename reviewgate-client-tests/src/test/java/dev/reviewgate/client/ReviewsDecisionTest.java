package dev.reviewgate.client;

import static dev.reviewgate.client.InvoiceReviews.DANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Retab style, deciding: approve and reject by id and by run address, each given as a {@link ReviewAddress} or as
 * strings, and what a second, different decision gets.
 */
class ReviewsDecisionTest {

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
    void aDifferentDecisionAfterTheFirstIsAConflictCarryingIt() {
        ReviewRequestResponse sent = invoices.gate("wf_abc123", LiveServer.unique("run"));
        ReviewAddress address = ReviewAddress.byId(sent.reviewId());
        DecisionResult rejected = reviews.reject(address, sent.versionId(), "Illegible source.");
        assertThat(rejected.review().decision().reason()).isEqualTo("Illegible source.");
        assertThat(reviews.reject(address, sent.versionId(), "Illegible source.", null)
                        .submissionStatus())
                .isEqualTo(DecisionResult.SubmissionStatus.ALREADY_APPLIED);

        assertThatThrownBy(() -> reviews.approve(address, sent.versionId()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.decision().verdict()).isEqualTo(Decision.Verdict.REJECTED);
                    assertThat(e.decision().versionId()).isEqualTo(sent.versionId());
                    assertThat(e.decision().reason()).isEqualTo("Illegible source.");
                    assertThat(e.decision().isApproved()).isFalse();
                });
    }

    @Test
    void aRejectionWithoutReasonIsAValidationException() {
        ReviewRequestResponse sent = invoices.gate("wf_abc123", LiveServer.unique("run"));
        assertThatThrownBy(() -> reviews.reject(ReviewAddress.byId(sent.reviewId()), sent.versionId(), ""))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.pointers()).contains("/reason"));
    }

    @Test
    void approvesByTheReviewIdOrTheRunAsStrings() {
        ReviewRequestResponse byId = invoices.gate("wf_abc123", LiveServer.unique("run"));
        ReviewRequestResponse byIdAsDana = invoices.gate("wf_abc123", LiveServer.unique("run"));
        String run = LiveServer.unique("run");
        ReviewRequestResponse byRun = invoices.gate("wf_abc123", run);
        String runAsDana = LiveServer.unique("run");
        ReviewRequestResponse byRunAsDana = invoices.gate("wf_abc123", runAsDana);

        assertDecided(reviews.approve(byId.reviewId(), byId.versionId()), byId, Actor.Kind.AGENT);
        assertDecided(
                reviews.approve(ReviewAddress.byId(byIdAsDana.reviewId()), byIdAsDana.versionId(), DANA),
                byIdAsDana,
                Actor.Kind.HUMAN);
        assertDecided(
                reviews.approve(ReviewAddress.byRun(run, "block_extract"), byRun.versionId()), byRun, Actor.Kind.AGENT);
        assertDecided(
                reviews.approve(ReviewAddress.byRun(runAsDana, "block_extract"), byRunAsDana.versionId(), DANA),
                byRunAsDana,
                Actor.Kind.HUMAN);
    }

    @Test
    void rejectsByTheReviewIdOrTheRunAsStrings() {
        ReviewRequestResponse byId = invoices.gate("wf_abc123", LiveServer.unique("run"));
        ReviewRequestResponse byIdAsDana = invoices.gate("wf_abc123", LiveServer.unique("run"));
        String run = LiveServer.unique("run");
        ReviewRequestResponse byRun = invoices.gate("wf_abc123", run);
        String runAsDana = LiveServer.unique("run");
        ReviewRequestResponse byRunAsDana = invoices.gate("wf_abc123", runAsDana);

        assertDecided(reviews.reject(byId.reviewId(), byId.versionId(), "No."), byId, Actor.Kind.AGENT);
        assertDecided(
                reviews.reject(ReviewAddress.byId(byIdAsDana.reviewId()), byIdAsDana.versionId(), "No.", DANA),
                byIdAsDana,
                Actor.Kind.HUMAN);
        assertDecided(
                reviews.reject(ReviewAddress.byRun(run, "block_extract"), byRun.versionId(), "No."),
                byRun,
                Actor.Kind.AGENT);
        assertDecided(
                reviews.reject(ReviewAddress.byRun(runAsDana, "block_extract"), byRunAsDana.versionId(), "No.", DANA),
                byRunAsDana,
                Actor.Kind.HUMAN);
    }

    private static void assertDecided(DecisionResult result, ReviewRequestResponse sent, Actor.Kind decidedBy) {
        assertThat(result.submissionStatus()).isEqualTo(DecisionResult.SubmissionStatus.APPLIED);
        assertThat(result.review().id()).isEqualTo(sent.reviewId());
        assertThat(result.review().decision().versionId()).isEqualTo(sent.versionId());
        assertThat(result.review().decision().decidedBy().kind()).isEqualTo(decidedBy);
        if (decidedBy == Actor.Kind.HUMAN) {
            assertThat(result.review().decision().decidedBy().id()).isEqualTo(DANA.id());
        }
    }
}
