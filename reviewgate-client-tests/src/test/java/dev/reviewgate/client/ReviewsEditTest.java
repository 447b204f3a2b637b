package dev.reviewgate.client;

import static dev.reviewgate.client.InvoiceReviews.CORRECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Retab style, editing: append a corrected version by id or by run address, each given as a {@link ReviewAddress}
 * or as strings, as a human or an agent.
 */
class ReviewsEditTest {

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
    void editsByRunAddressThenApprovesTheEdit() {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = invoices.gate("wf_abc123", run);
        ReviewAddress address = ReviewAddress.byRun(run, "block_extract");

        Edited edited = reviews.edit(EditRequest.of(address, sent.versionId(), CORRECTED)
                .origin(Origin.HUMAN_EDIT)
                .note("Corrected total.")
                .author(Actor.human("dana", "Dana Rivera")));
        assertThat(edited.created()).isTrue();
        assertThat(edited.versionId()).isEqualTo(VersionIds.of(CORRECTED)).startsWith("48132baa");
        Version version = edited.review().version(edited.versionId()).orElseThrow();
        assertThat(version.parentId()).isEqualTo(sent.versionId());
        assertThat(version.note()).isEqualTo("Corrected total.");
        assertThat(version.author().kind()).isEqualTo(Actor.Kind.HUMAN);

        Edited again = reviews.edit(EditRequest.of(address, sent.versionId(), CORRECTED));
        assertThat(again.created()).isFalse();
        assertThat(again.versionId()).isEqualTo(edited.versionId());

        DecisionResult approved = reviews.approve(address, edited.versionId(), Actor.human("dana", "Dana Rivera"));
        assertThat(approved.submissionStatus()).isEqualTo(DecisionResult.SubmissionStatus.APPLIED);
        assertThat(approved.review().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(approved.review().status().isDecided()).isTrue();
        assertThat(approved.review().isDecided()).isTrue();
        assertThat(approved.review().decision().versionId()).isEqualTo(edited.versionId());
        assertThat(approved.review().decision().decidedBy().id()).isEqualTo("dana");
        assertThat(reviews.approve(address, edited.versionId()).submissionStatus())
                .isEqualTo(DecisionResult.SubmissionStatus.ALREADY_APPLIED);
    }

    @Test
    void editsByIdAsAnAgent() {
        ReviewRequestResponse sent = invoices.gate("wf_abc123", LiveServer.unique("run"));
        Edited edited = reviews.edit(EditRequest.of(ReviewAddress.byId(sent.reviewId()), sent.versionId(), CORRECTED)
                .origin(Origin.AGENT_EDIT)
                .author(Actor.agent("fixer", "Fixer")));
        assertThat(edited.review().head().origin()).isEqualTo(Origin.AGENT_EDIT);
        assertThat(edited.review().head().author()).isEqualTo(Actor.agent("fixer", "Fixer"));
        assertThat(edited.review().status().isDecided()).isFalse();
    }

    @Test
    void anEditThatBreaksTheShapeIsAValidationException() {
        ReviewRequestResponse sent = invoices.gate("wf_abc123", LiveServer.unique("run"));
        assertThatThrownBy(() -> reviews.edit(EditRequest.of(
                        ReviewAddress.byId(sent.reviewId()),
                        sent.versionId(),
                        Map.of("total_amount", "lots", "vendor_name", "Acme Corp"))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.pointers()).anyMatch(p -> p.endsWith("/total_amount")));
    }

    @Test
    void editsByTheReviewIdOrTheRunAsStrings() {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = invoices.gate("wf_abc123", run);
        Map<String, Object> again = Map.of("total_amount", 326, "vendor_name", "Acme Corp");

        Edited byId = reviews.edit(EditRequest.of(sent.reviewId(), sent.versionId(), CORRECTED));
        Edited byRun = reviews.edit(EditRequest.of(ReviewAddress.byRun(run, "block_extract"), byId.versionId(), again));

        assertThat(byId.review().id()).isEqualTo(sent.reviewId());
        assertThat(byRun.review().id()).isEqualTo(sent.reviewId());
        assertThat(byRun.review().headVersionId()).isEqualTo(VersionIds.of(again));
        assertThat(byRun.review().head().parentId()).isEqualTo(VersionIds.of(CORRECTED));
    }
}
