package dev.reviewgate.client;

import static dev.reviewgate.client.PeopleAndWork.DANA;
import static dev.reviewgate.client.PeopleAndWork.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A form that needs two approvals: votes are recorded until the second distinct person approves. */
class WorkQuorumTest {

    private Reviewgate rg;
    private PeopleAndWork work;
    private String form;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        work = new PeopleAndWork(rg);
        form = work.form(Map.of("approvals", Map.of("required", 2)));
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    @Test
    void twoPeoplesApprovalsAreRecordedThenApplied() {
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();
        ReviewAddress address = ReviewAddress.byId(sent.reviewId());

        DecisionResult first = rg.reviews().approve(address, sent.versionId(), DANA);

        assertThat(first.submissionStatus()).isEqualTo(DecisionResult.SubmissionStatus.RECORDED);
        assertThat(first.review().isDecided()).isFalse();
        assertThat(first.review().status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(first.review().votes()).singleElement().satisfies(v -> {
            assertThat(v.decidedBy()).isEqualTo(DANA);
            assertThat(v.versionId()).isEqualTo(sent.versionId());
            assertThat(v.via()).isEqualTo(Via.API);
        });
        assertThat(rg.reviews().approve(address, sent.versionId(), DANA).submissionStatus())
                .isEqualTo(DecisionResult.SubmissionStatus.ALREADY_APPLIED);

        DecisionResult second = rg.reviews().approve(address, sent.versionId(), SAM);

        assertThat(second.submissionStatus()).isEqualTo(DecisionResult.SubmissionStatus.APPLIED);
        Decision decision = second.review().decision();
        assertThat(decision.verdict()).isEqualTo(Decision.Verdict.APPROVED);
        assertThat(decision.versionId()).isEqualTo(sent.versionId());
        assertThat(decision.via()).isEqualTo(Via.API);
        assertThat(decision.votes()).extracting(Vote::decidedBy).containsExactly(DANA, SAM);
        assertThat(rg.reviews().get(sent.reviewId()).votesOn(sent.versionId())).hasSize(2);
    }

    @Test
    void aVoteNeedsAPerson() {
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();

        assertThatThrownBy(() -> rg.reviews().approve(sent.reviewId(), sent.versionId()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.pointers()).containsExactly("/author"));
    }

    @Test
    void aRejectVetoesAtOnce() {
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();
        ReviewAddress address = ReviewAddress.byId(sent.reviewId());
        rg.reviews().approve(address, sent.versionId(), DANA);

        DecisionResult veto = rg.reviews().reject(address, sent.versionId(), "Off topic.", SAM);

        assertThat(veto.submissionStatus()).isEqualTo(DecisionResult.SubmissionStatus.APPLIED);
        assertThat(veto.review().decision().verdict()).isEqualTo(Decision.Verdict.REJECTED);
        assertThat(veto.review().decision().votes()).isEmpty();
        assertThat(veto.review().votes()).hasSize(1);
    }
}
