package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gotoHuman style: createReview(...).addFieldData(...)...sendRequest(), the update after
 * instructions, and the immutable request value the builder makes.
 */
class ReviewRequestTest {

    private Reviewgate rg;
    private String form;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        form = LiveServer.newBlogForm(rg);
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    @Test
    void sendsEveryOptionOfTheRequest() {
        String run = LiveServer.unique("run");
        // Assignees must exist in the account: the server resolves and checks them.
        String dana = rg.users()
                .create(LiveServer.unique("dana") + "@example.com", "Dana Rivera", null)
                .email();
        String editors = rg.groups()
                .create(LiveServer.unique("editors"), "Editors", List.of(dana))
                .id();
        Instant due = Instant.now().plus(Duration.ofHours(8)).truncatedTo(ChronoUnit.MILLIS);
        ReviewRequestResponse sent = rg.createReview(form)
                .addFieldData("blog", "My blog post, long version")
                .addFieldData("imageOptions", List.of(Map.of("url", "https://cdn.example.com/a.jpg")))
                .addMetaData("postId", 42)
                .assignToUsers(List.of(dana))
                .assignToGroups(List.of(editors))
                .setWebhookUrl("http://127.0.0.1:9/hooks")
                .setTitle("Post 42")
                .setRunAddress("wf_blog", run, "block_write")
                .setAuthor(Actor.model("gpt", "GPT"))
                .setSignals(Map.of("confidence", 0.5))
                .setPriority(75)
                .setDeadline(Deadline.at(due).escalate(Assignees.groups(editors), Deadline.OnExpire.APPROVE))
                .setReminders(Reminders.once(Duration.ofHours(1)))
                .sendRequest();

        assertThat(sent.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(sent.reviewId()).startsWith("rev_");
        assertThat(sent.link()).endsWith(sent.reviewId());
        assertThat(sent.triggeredBy().path("kind").asText()).isEqualTo("always");
        assertThat(sent.decision()).isNull();
        Review review = rg.reviews().get(sent.reviewId());
        assertThat(review.meta().path("postId").asInt()).isEqualTo(42);
        assertThat(review.title()).isEqualTo("Post 42");
        assertThat(review.assignedTo()).containsExactly(dana);
        assertThat(review.assignedToGroups()).containsExactly(editors);
        assertThat(review.priority()).isEqualTo(75);
        assertThat(review.dueAt()).isEqualTo(due);
        assertThat(review.workflowId()).isEqualTo("wf_blog");
        assertThat(review.address()).isEqualTo(ReviewAddress.byId(sent.reviewId()));
        assertThat(rg.reviews().get(ReviewAddress.byRun(run, "block_write")).id())
                .isEqualTo(sent.reviewId());
        assertThat(review.head().author()).isEqualTo(Actor.model("gpt", "GPT"));
        assertThat(review.head().origin()).isEqualTo(Origin.MODEL_OUTPUT);
        assertThat(review.version(sent.versionId())).isPresent();
    }

    @Test
    void updatesForReviewAfterInstructions() {
        ReviewRequestResponse first =
                rg.createReview(form).addFieldData("blog", "Long post").sendRequest();
        rg.reviews()
                .instruct(
                        ReviewAddress.byId(first.reviewId()),
                        Map.of("blog", FieldInstruction.text("Make this shorter")),
                        Actor.human("dana", "Dana"));

        ReviewRequestResponse update = rg.createReview(form)
                .updateForReview(first.reviewId())
                .addFieldData("blog", "Short post")
                .sendRequest();

        assertThat(update.reviewId()).isEqualTo(first.reviewId());
        assertThat(update.status()).isEqualTo(ReviewStatus.PENDING);
        Review review = rg.reviews().get(first.reviewId());
        assertThat(review.headVersionId()).isEqualTo(update.versionId());
        assertThat(review.head().parentId()).isEqualTo(first.versionId());
        assertThat(review.head().snapshotAs(Map.class)).isEqualTo(Map.of("blog", "Short post"));
    }

    @Test
    void sendsAsynchronously() throws Exception {
        ReviewRequestResponse sent = rg.createReview(form)
                .addFieldData("blog", "async")
                .sendRequestAsync()
                .get(10, TimeUnit.SECONDS);
        assertThat(rg.reviews().get(sent.reviewId()).status()).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void asyncFailuresCompleteTheFutureExceptionally() {
        assertThatThrownBy(() -> rg.createReview(form)
                        .addFieldData("nope", 1)
                        .sendRequestAsync()
                        .join())
                .hasCauseInstanceOf(ValidationException.class);
    }

    @Test
    void repeatingAnUnchangedRequestDoesNotCreateASecondReview() {
        ReviewRequestBuilder request = rg.createReview(form).addFieldData("blog", "once");
        ReviewRequestResponse first = request.sendRequest();
        ReviewRequestResponse again = request.sendRequest();
        assertThat(again.reviewId()).isEqualTo(first.reviewId());

        ReviewRequestResponse changed = request.addFieldData("blog", "twice").sendRequest();
        assertThat(changed.reviewId()).isNotEqualTo(first.reviewId());
    }

    @Test
    void aBuiltRequestSentAgainReusesItsKey() {
        ReviewRequest request =
                rg.createReview(form).addFieldData("blog", "sent twice").build();
        ReviewRequestResponse first = rg.reviews().send(request);
        ReviewRequestResponse again = rg.reviews().send(request);
        assertThat(again.reviewId()).isEqualTo(first.reviewId());
        assertThat(again.versionId()).isEqualTo(first.versionId());
    }

    @Test
    void oneRequestSentFromManyThreadsAtOnceCreatesOneReview() throws Exception {
        ReviewRequest request =
                rg.createReview(form).addFieldData("blog", "shared").build();
        List<CompletableFuture<ReviewRequestResponse>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sends.add(CompletableFuture.supplyAsync(() -> rg.reviews().send(request)));
        }
        Set<String> reviewIds = new HashSet<>();
        for (CompletableFuture<ReviewRequestResponse> send : sends) {
            reviewIds.add(send.get(30, TimeUnit.SECONDS).reviewId());
        }
        assertThat(reviewIds).hasSize(1);
    }

    @Test
    void sendsABuiltRequestAsynchronously() throws Exception {
        ReviewRequest request =
                rg.createReview(form).addFieldData("blog", "async value").build();
        ReviewRequestResponse sent = rg.reviews().sendAsync(request).get(10, TimeUnit.SECONDS);
        assertThat(rg.reviews().get(sent.reviewId()).head().snapshotAs(Map.class))
                .isEqualTo(Map.of("blog", "async value"));
    }

    @Test
    void buildingAgainWithoutAChangeKeepsTheKeyAndAChangeMakesANewOne() {
        ReviewRequestBuilder builder = rg.createReview(form).addFieldData("blog", "draft");
        ReviewRequest first = builder.build();
        ReviewRequest again = builder.addFieldData("blog", "draft").build();
        ReviewRequest changed = builder.addFieldData("blog", "changed").build();

        assertThat(again).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(again.idempotencyKey()).isEqualTo(first.idempotencyKey());
        assertThat(changed.idempotencyKey()).isNotEqualTo(first.idempotencyKey());
        assertThat(rg.createReview(form).addFieldData("blog", "draft").build().idempotencyKey())
                .isNotEqualTo(first.idempotencyKey());
    }

    @Test
    void aBuiltRequestIsASnapshotThatLaterChangesDoNotReach() {
        List<String> assignees = new ArrayList<>(List.of("dana@example.com"));
        ObjectNode blog = JsonNodeFactory.instance.objectNode().put("text", "original");
        ReviewRequestBuilder builder =
                rg.createReview(form).addFieldData("blog", blog).assignToUsers(assignees);
        ReviewRequest request = builder.build();
        String before = request.toJson().toString();

        assignees.add("eve@example.com");
        blog.put("text", "changed");
        builder.setTitle("later").addFieldData("imageOptions", List.of());
        ((ObjectNode) request.toJson()).put("formId", "other");

        assertThat(request.toJson().toString()).isEqualTo(before);
        assertThat(request.formId()).isEqualTo(form);
        assertThat(request.toJson().path("fields").path("blog").path("text").asText())
                .isEqualTo("original");
        assertThat(request.toJson().path("assignTo")).hasSize(1);
    }

    @Test
    void aPinnedKeyIsTheRequestsKey() {
        String key = LiveServer.unique("step");
        assertThat(rg.createReview(form)
                        .addFieldData("blog", "x")
                        .idempotencyKey(key)
                        .build()
                        .idempotencyKey())
                .isEqualTo(key);
    }

    @Test
    void aPinnedIdempotencyKeySurvivesANewRequestObject() {
        String key = LiveServer.unique("step");
        ReviewRequestResponse first = rg.createReview(form)
                .addFieldData("blog", "pinned")
                .idempotencyKey(key)
                .sendRequest();
        ReviewRequestResponse restarted = rg.createReview(form)
                .addFieldData("blog", "pinned")
                .idempotencyKey(key)
                .sendRequest();
        assertThat(restarted.reviewId()).isEqualTo(first.reviewId());
    }

    @Test
    void aReviewPolicyMayApproveAtOnce() {
        String invoice = LiveServer.newInvoiceForm(rg);
        ReviewRequestResponse sent = rg.createReview(invoice)
                .addFieldData("total_amount", 10)
                .addFieldData("vendor_name", "Acme")
                .setSignals(Map.of("confidence", 0.99))
                .sendRequest();
        assertThat(sent.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(sent.triggeredBy()).isNull();
        assertThat(sent.decision().isApproved()).isTrue();
        assertThat(sent.decision().decidedBy())
                .isEqualTo(new Actor(
                        Actor.Kind.AGENT,
                        "review-policy",
                        sent.decision().decidedBy().displayName()));
        assertThat(sent.decision().versionId()).isEqualTo(sent.versionId());
    }

    @Test
    void invalidFieldsAreAValidationExceptionWithPointers() {
        assertThatThrownBy(() -> rg.createReview(form)
                        .addFieldData("blog", 7)
                        .addFieldData("bogus", "x")
                        .sendRequest())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.pointers()).contains("/fields/blog", "/fields/bogus");
                    assertThat(e.errors())
                            .allSatisfy(v -> assertThat(v.message()).isNotBlank());
                    assertThat(e.problemType()).startsWith("urn:reviewgate:problem:");
                });
    }

    @Test
    void aSecondReviewForTheSameRunAddressIsAConflictNamingTheFirst() {
        String run = LiveServer.unique("run");
        ReviewRequestResponse first = rg.createReview(form)
                .addFieldData("blog", "a")
                .setRunAddress(run, "b1")
                .sendRequest();
        assertThatThrownBy(() -> rg.createReview(form)
                        .addFieldData("blog", "b")
                        .setRunAddress(run, "b1")
                        .sendRequest())
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reviewId()).isEqualTo(first.reviewId());
                    assertThat(e.decision()).isNull();
                });
    }

    @Test
    void updatingAnUnknownReviewIsNotFound() {
        assertThatThrownBy(() -> rg.createReview(form)
                        .updateForReview("rev_missing")
                        .addFieldData("blog", "x")
                        .sendRequest())
                .isInstanceOf(NotFoundException.class);
    }
}
