package dev.reviewgate.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Builds a {@link ReviewRequest}, gotoHuman style; get one from {@link Reviewgate#createReview(String)}.
 * Building again without a change in between gives an equal request with the same key, so
 * repeating {@link #sendRequest()} never asks twice; after a change the key is new, because the
 * server refuses a key reused for another body. Not thread-safe; the requests it builds are.
 */
public final class ReviewRequestBuilder {

    private final Reviews reviews;
    private final String formId;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final List<String> assignTo = new ArrayList<>();
    private final List<String> assignToGroups = new ArrayList<>();
    private String webhookUrl;
    private String title;
    private String workflowId;
    private String runId;
    private String blockId;
    private Actor author;
    private Map<String, Object> signals;
    private String updateForReviewId;
    private Integer priority;
    private Deadline deadline;
    private Reminders remind;
    private final RequestKey key = new RequestKey();

    ReviewRequestBuilder(Reviews reviews, String formId) {
        this.reviews = reviews;
        this.formId = Objects.requireNonNull(formId, "formId");
    }

    /**
     * Sets one field's value (any JSON-mappable value: text, number, list, map, record, {@code JsonNode}).
     * Fields not sent are hidden for this review.
     *
     * @param fieldId the form field's id
     * @param value   its value, null for JSON null
     * @return this builder
     */
    public ReviewRequestBuilder addFieldData(String fieldId, Object value) {
        fields.put(Objects.requireNonNull(fieldId, "fieldId"), value);
        return this;
    }

    /**
     * Adds caller metadata, echoed back in the review and every webhook.
     *
     * @param key   the member name
     * @param value any JSON-mappable value
     * @return this builder
     */
    public ReviewRequestBuilder addMetaData(String key, Object value) {
        meta.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /**
     * Assigns the review to users; without any assignee the form's routing defaults apply.
     *
     * @param userIds user e-mails (an unknown one is a 422 pointing at it)
     * @return this builder
     */
    public ReviewRequestBuilder assignToUsers(List<String> userIds) {
        assignTo.addAll(userIds);
        return this;
    }

    /**
     * Assigns the review to groups: their members see it as theirs.
     *
     * @param groups group ids (an unknown one is a 422 pointing at it)
     * @return this builder
     */
    public ReviewRequestBuilder assignToGroups(List<String> groups) {
        assignToGroups.addAll(groups);
        return this;
    }

    /**
     * Where this review's events are sent, instead of the form's default URL. Deliveries to it are
     * signed with the account secret ({@link Webhooks#signingSecret()}).
     *
     * @param url an http or https URL the server may reach
     * @return this builder
     */
    public ReviewRequestBuilder setWebhookUrl(String url) {
        this.webhookUrl = url;
        return this;
    }

    /**
     * A title shown in the reviewer's inbox.
     *
     * @param title the title
     * @return this builder
     */
    public ReviewRequestBuilder setTitle(String title) {
        this.title = title;
        return this;
    }

    /**
     * Makes the review the gate of one block of one run (Retab's address).
     *
     * @param runId   the run
     * @param blockId the block within the run
     * @return this builder
     */
    public ReviewRequestBuilder setRunAddress(String runId, String blockId) {
        return setRunAddress(null, runId, blockId);
    }

    /**
     * Makes the review the gate of one block of one run, grouped under a workflow.
     *
     * @param workflowId the workflow, or null
     * @param runId      the run
     * @param blockId    the block within the run
     * @return this builder
     */
    public ReviewRequestBuilder setRunAddress(String workflowId, String runId, String blockId) {
        this.workflowId = workflowId;
        this.runId = Objects.requireNonNull(runId, "runId");
        this.blockId = Objects.requireNonNull(blockId, "blockId");
        return this;
    }

    /**
     * Who produced the output (default: the API key's actor).
     *
     * @param author e.g. {@code Actor.model("gpt-4o", "GPT-4o")}
     * @return this builder
     */
    public ReviewRequestBuilder setAuthor(Actor author) {
        this.author = author;
        return this;
    }

    /**
     * Inputs of the form's review policy besides the output, e.g. {@code Map.of("confidence", 0.71)}.
     *
     * @param signals the signals
     * @return this builder
     */
    public ReviewRequestBuilder setSignals(Map<String, ?> signals) {
        this.signals = new LinkedHashMap<>(signals);
        return this;
    }

    /**
     * Makes the request the update of an existing review after a reviewer's instructions
     * (gotoHuman's {@code updateForReviewId}): the output becomes a new version and the review is
     * pending again.
     *
     * @param reviewId the review to update
     * @return this builder
     */
    public ReviewRequestBuilder updateForReview(String reviewId) {
        this.updateForReviewId = reviewId;
        return this;
    }

    /**
     * The review's priority in the queue ({@link ListParams.Sort#PRIORITY} lists the highest first).
     *
     * @param priority 0–100; the server's default is 50
     * @return this builder
     */
    public ReviewRequestBuilder setPriority(int priority) {
        this.priority = priority;
        return this;
    }

    /**
     * When the review is due and what happens then, instead of the form's default; e.g.
     * {@code Deadline.after(Duration.ofHours(4))}, which rejects on expiry.
     *
     * @param deadline the deadline
     * @return this builder
     */
    public ReviewRequestBuilder setDeadline(Deadline deadline) {
        this.deadline = deadline;
        return this;
    }

    /**
     * When the assignees are reminded, instead of the form's default.
     *
     * @param reminders e.g. {@code Reminders.repeating(Duration.ofHours(1), Duration.ofHours(4)).max(3)}
     * @return this builder
     */
    public ReviewRequestBuilder setReminders(Reminders reminders) {
        this.remind = reminders;
        return this;
    }

    /**
     * Pins the {@code Idempotency-Key}, e.g. to one derived from your workflow step so that a
     * restarted process does not ask twice. By default a random key is chosen per request content.
     *
     * @param key 1–255 characters
     * @return this builder
     */
    public ReviewRequestBuilder idempotencyKey(String key) {
        this.key.pin(key);
        return this;
    }

    /**
     * Builds the request: its body is a snapshot of the values set so far, so changing them
     * afterwards does not change the request.
     *
     * @return the request, with the same key as the last one built when nothing changed since
     * @throws IllegalArgumentException when a value cannot be mapped to JSON
     */
    public ReviewRequest build() {
        ObjectNode body = body();
        return new ReviewRequest(body, key.forBody(body));
    }

    /**
     * Builds the request and sends it with {@link Reviews#send(ReviewRequest)}.
     *
     * @return the review id, status and version id
     * @throws ValidationException when the fields do not match the form (a pointer per problem)
     * @throws ConflictException   when a review already gates the run address ({@link ConflictException#reviewId()}),
     *                             or the updated review is decided
     * @throws NotFoundException   when the form or the review to update is unknown
     */
    public ReviewRequestResponse sendRequest() {
        return reviews.send(build());
    }

    /**
     * Builds the request now and sends it without blocking the caller
     * ({@link Reviews#sendAsync(ReviewRequest)}), so changes to this builder afterwards do not
     * reach the request in flight.
     *
     * @return a future completed with the answer, or exceptionally with a {@link ReviewgateException}
     *         (or the {@code IllegalArgumentException} of a value that cannot be mapped to JSON)
     */
    public CompletableFuture<ReviewRequestResponse> sendRequestAsync() {
        ReviewRequest request;
        try {
            request = build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return reviews.sendAsync(request);
    }

    private ObjectNode body() {
        ObjectNode body = Json.object().put("formId", formId);
        ObjectNode fieldValues = body.putObject("fields");
        fields.forEach((id, value) -> fieldValues.set(id, Json.tree(value)));
        Json.putIfSet(body, "meta", meta.isEmpty() ? null : meta);
        Json.putIfSet(body, "title", title);
        Json.putIfSet(body, "assignTo", assignTo.isEmpty() ? null : assignTo);
        Json.putIfSet(body, "assignToGroups", assignToGroups.isEmpty() ? null : assignToGroups);
        Json.putIfSet(body, "webhookUrl", webhookUrl);
        Json.putIfSet(body, "workflowId", workflowId);
        Json.putIfSet(body, "runId", runId);
        Json.putIfSet(body, "blockId", blockId);
        Json.putIfSet(body, "author", author);
        Json.putIfSet(body, "signals", signals);
        Json.putIfSet(body, "updateForReviewId", updateForReviewId);
        Json.putIfSet(body, "priority", priority);
        Json.putIfSet(body, "deadline", deadline == null ? null : deadline.toJson());
        Json.putIfSet(body, "remind", remind == null ? null : remind.toJson());
        // A JsonNode given as a value is the caller's and may change later; the request must not.
        return body.deepCopy();
    }
}
