package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A request for review, built gotoHuman style and sent with {@link #sendRequest()}:
 *
 * <pre>{@code
 * ReviewRequestResponse r = rg.createReview("blog-review")
 *         .addFieldData("blog", text)
 *         .addMetaData("postId", 42)
 *         .setWebhookUrl("https://agent.example.com/hooks/reviewgate")
 *         .sendRequest();
 * }</pre>
 *
 * After a reviewer's instructions, send the regenerated output as the same request plus
 * {@link #updateForReview(String)}.
 *
 * <p>The request sends an {@code Idempotency-Key}: the SDK's own retries and your repeated
 * {@code sendRequest()} of an unchanged request reuse it, so a retry never creates a second review.
 * Not thread-safe; build and send it from one thread.
 */
public final class ReviewRequest {

    private final Transport transport;
    private final Executor async;
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
    private String pinnedKey;
    private String sentKey;
    private JsonNode sentBody;

    ReviewRequest(Transport transport, Executor async, String formId) {
        this.transport = transport;
        this.async = async;
        this.formId = Objects.requireNonNull(formId, "formId");
    }

    /**
     * Sets one field's value (any JSON-mappable value: text, number, list, map, record, {@code JsonNode}).
     * Fields not sent are hidden for this review.
     *
     * @param fieldId the form field's id
     * @param value   its value, null for JSON null
     * @return this request
     */
    public ReviewRequest addFieldData(String fieldId, Object value) {
        fields.put(Objects.requireNonNull(fieldId, "fieldId"), value);
        return this;
    }

    /**
     * Adds caller metadata, echoed back in the review and every webhook.
     *
     * @param key   the member name
     * @param value any JSON-mappable value
     * @return this request
     */
    public ReviewRequest addMetaData(String key, Object value) {
        meta.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /**
     * Assigns the review to users.
     *
     * @param userIds user ids or emails
     * @return this request
     */
    public ReviewRequest assignToUsers(List<String> userIds) {
        assignTo.addAll(userIds);
        return this;
    }

    /**
     * Assigns the review to groups.
     *
     * @param groups group names
     * @return this request
     */
    public ReviewRequest assignToGroups(List<String> groups) {
        assignToGroups.addAll(groups);
        return this;
    }

    /**
     * Where this review's events are sent, instead of the form's default URL. Deliveries to it are
     * signed with the account secret ({@link Webhooks#signingSecret()}).
     *
     * @param url an http or https URL the server may reach
     * @return this request
     */
    public ReviewRequest setWebhookUrl(String url) {
        this.webhookUrl = url;
        return this;
    }

    /**
     * A title shown in the reviewer's inbox.
     *
     * @param title the title
     * @return this request
     */
    public ReviewRequest setTitle(String title) {
        this.title = title;
        return this;
    }

    /**
     * Makes the review the gate of one block of one run (Retab's address).
     *
     * @param runId   the run
     * @param blockId the block within the run
     * @return this request
     */
    public ReviewRequest setRunAddress(String runId, String blockId) {
        return setRunAddress(null, runId, blockId);
    }

    /**
     * Makes the review the gate of one block of one run, grouped under a workflow.
     *
     * @param workflowId the workflow, or null
     * @param runId      the run
     * @param blockId    the block within the run
     * @return this request
     */
    public ReviewRequest setRunAddress(String workflowId, String runId, String blockId) {
        this.workflowId = workflowId;
        this.runId = Objects.requireNonNull(runId, "runId");
        this.blockId = Objects.requireNonNull(blockId, "blockId");
        return this;
    }

    /**
     * Who produced the output (default: the API key's actor).
     *
     * @param author e.g. {@code Actor.model("gpt-4o", "GPT-4o")}
     * @return this request
     */
    public ReviewRequest setAuthor(Actor author) {
        this.author = author;
        return this;
    }

    /**
     * Inputs of the form's review policy besides the output, e.g. {@code Map.of("confidence", 0.71)}.
     *
     * @param signals the signals
     * @return this request
     */
    public ReviewRequest setSignals(Map<String, ?> signals) {
        this.signals = new LinkedHashMap<>(signals);
        return this;
    }

    /**
     * Makes this request the update of an existing review after a reviewer's instructions
     * (gotoHuman's {@code updateForReviewId}): the output becomes a new version and the review is
     * pending again.
     *
     * @param reviewId the review to update
     * @return this request
     */
    public ReviewRequest updateForReview(String reviewId) {
        this.updateForReviewId = reviewId;
        return this;
    }

    /**
     * Pins the {@code Idempotency-Key}, e.g. to one derived from your workflow step so that a
     * restarted process does not ask twice. By default a random key is used per request content.
     *
     * @param key 1–255 characters
     * @return this request
     */
    public ReviewRequest idempotencyKey(String key) {
        this.pinnedKey = key;
        return this;
    }

    /**
     * Sends the request.
     *
     * @return the review id, status and version id
     * @throws ValidationException when the fields do not match the form (a pointer per problem)
     * @throws ConflictException   when a review already gates the run address ({@link ConflictException#reviewId()}),
     *                             or the updated review is decided
     * @throws NotFoundException   when the form or the review to update is unknown
     */
    public ReviewRequestResponse sendRequest() {
        JsonNode body = body();
        if (!body.equals(sentBody)) {
            // A changed request is a new request: reusing the old key would make the server refuse it (422).
            sentKey = UUID.randomUUID().toString();
            sentBody = body;
        }
        String key = pinnedKey != null ? pinnedKey : sentKey;
        JsonNode answer = transport.send(Transport.Call.post("/v1/reviews", body, key));
        return Json.convert(answer, ReviewRequestResponse.class);
    }

    /**
     * Sends the request without blocking the caller.
     *
     * @return a future completed with the answer, or exceptionally with a {@link ReviewgateException}
     */
    public CompletableFuture<ReviewRequestResponse> sendRequestAsync() {
        return CompletableFuture.supplyAsync(this::sendRequest, async);
    }

    private JsonNode body() {
        ObjectNode body = Json.object().put("formId", formId);
        ObjectNode fieldValues = body.putObject("fields");
        fields.forEach((id, value) -> fieldValues.set(id, Json.tree(value)));
        if (!meta.isEmpty()) {
            body.set("meta", Json.tree(meta));
        }
        putIfSet(body, "title", title);
        if (!assignTo.isEmpty()) {
            body.set("assignTo", Json.tree(assignTo));
        }
        if (!assignToGroups.isEmpty()) {
            body.set("assignToGroups", Json.tree(assignToGroups));
        }
        putIfSet(body, "webhookUrl", webhookUrl);
        putIfSet(body, "workflowId", workflowId);
        putIfSet(body, "runId", runId);
        putIfSet(body, "blockId", blockId);
        if (author != null) {
            body.set("author", Json.tree(author));
        }
        if (signals != null) {
            body.set("signals", Json.tree(signals));
        }
        putIfSet(body, "updateForReviewId", updateForReviewId);
        return body;
    }

    private static void putIfSet(ObjectNode body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
