package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Retab style: list, get, edit, instruct, approve and reject, by id and by run address, each
 * given as a {@link ReviewAddress} or as strings.
 */
class ReviewsTest {

    private static final Map<String, Object> MODEL_OUTPUT =
            Map.of("invoice_number", "INV-991", "total_amount", 352, "vendor_name", "Acme Corp");
    private static final Map<String, Object> CORRECTED = Map.of("total_amount", 325, "vendor_name", "Acme Corp");
    private static final Actor DANA = Actor.human("dana", "Dana Rivera");

    private Reviewgate rg;
    private Reviews reviews;
    private String invoiceForm;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        reviews = rg.reviews();
        invoiceForm = LiveServer.newInvoiceForm(rg);
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    private ReviewRequestResponse gate(String workflow, String run) {
        ReviewRequestBuilder request = rg.createReview(invoiceForm)
                .setRunAddress(workflow, run, "block_extract")
                .setAuthor(Actor.model("gpt", "GPT"))
                .setSignals(Map.of("confidence", 0.71));
        MODEL_OUTPUT.forEach(request::addFieldData);
        return request.sendRequest();
    }

    @Test
    void listsEveryPageOfTheQueue() {
        String workflow = LiveServer.unique("wf");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(gate(workflow, LiveServer.unique("run")).reviewId());
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
        ReviewRequestResponse open = gate(workflow, run);
        ReviewRequestResponse decided = gate(workflow, LiveServer.unique("run"));
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
                        .formId(invoiceForm)
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
        ReviewRequestResponse sent = gate("wf_abc123", run);
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
    void editsByRunAddressThenApprovesTheEdit() {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = gate("wf_abc123", run);
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
        ReviewRequestResponse sent = gate("wf_abc123", LiveServer.unique("run"));
        Edited edited = reviews.edit(EditRequest.of(ReviewAddress.byId(sent.reviewId()), sent.versionId(), CORRECTED)
                .origin(Origin.AGENT_EDIT)
                .author(Actor.agent("fixer", "Fixer")));
        assertThat(edited.review().head().origin()).isEqualTo(Origin.AGENT_EDIT);
        assertThat(edited.review().head().author()).isEqualTo(Actor.agent("fixer", "Fixer"));
        assertThat(edited.review().status().isDecided()).isFalse();
    }

    @Test
    void aDifferentDecisionAfterTheFirstIsAConflictCarryingIt() {
        ReviewRequestResponse sent = gate("wf_abc123", LiveServer.unique("run"));
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
        ReviewRequestResponse sent = gate("wf_abc123", LiveServer.unique("run"));
        assertThatThrownBy(() -> reviews.reject(ReviewAddress.byId(sent.reviewId()), sent.versionId(), ""))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.pointers()).contains("/reason"));
    }

    @Test
    void anEditThatBreaksTheShapeIsAValidationException() {
        ReviewRequestResponse sent = gate("wf_abc123", LiveServer.unique("run"));
        assertThatThrownBy(() -> reviews.edit(EditRequest.of(
                        ReviewAddress.byId(sent.reviewId()),
                        sent.versionId(),
                        Map.of("total_amount", "lots", "vendor_name", "Acme Corp"))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.pointers()).anyMatch(p -> p.endsWith("/total_amount")));
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
    void approvesByTheReviewIdOrTheRunAsStrings() {
        ReviewRequestResponse byId = gate("wf_abc123", LiveServer.unique("run"));
        ReviewRequestResponse byIdAsDana = gate("wf_abc123", LiveServer.unique("run"));
        String run = LiveServer.unique("run");
        ReviewRequestResponse byRun = gate("wf_abc123", run);
        String runAsDana = LiveServer.unique("run");
        ReviewRequestResponse byRunAsDana = gate("wf_abc123", runAsDana);

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
        ReviewRequestResponse byId = gate("wf_abc123", LiveServer.unique("run"));
        ReviewRequestResponse byIdAsDana = gate("wf_abc123", LiveServer.unique("run"));
        String run = LiveServer.unique("run");
        ReviewRequestResponse byRun = gate("wf_abc123", run);
        String runAsDana = LiveServer.unique("run");
        ReviewRequestResponse byRunAsDana = gate("wf_abc123", runAsDana);

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

    @Test
    void editsByTheReviewIdOrTheRunAsStrings() {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = gate("wf_abc123", run);
        Map<String, Object> again = Map.of("total_amount", 326, "vendor_name", "Acme Corp");

        Edited byId = reviews.edit(EditRequest.of(sent.reviewId(), sent.versionId(), CORRECTED));
        Edited byRun = reviews.edit(EditRequest.of(ReviewAddress.byRun(run, "block_extract"), byId.versionId(), again));

        assertThat(byId.review().id()).isEqualTo(sent.reviewId());
        assertThat(byRun.review().id()).isEqualTo(sent.reviewId());
        assertThat(byRun.review().headVersionId()).isEqualTo(VersionIds.of(again));
        assertThat(byRun.review().head().parentId()).isEqualTo(VersionIds.of(CORRECTED));
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
