package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The review API, Retab style: find the work, inspect it, correct it, decide, and wait.
 *
 * <pre>{@code
 * Review review = rg.reviews().get(ReviewAddress.byRun("run_abc123", "block_extract"));
 * Edited edited = rg.reviews().edit(EditRequest.of(review.address(), review.headVersionId(),
 *         Map.of("total_amount", 325, "vendor_name", "Acme Corp")).note("Corrected total."));
 * rg.reviews().approve(review.address(), edited.versionId());
 * }</pre>
 *
 * Every call on one review names it the same two ways: a {@link ReviewAddress} (by id or by the
 * {@code (runId, blockId)} gate it guards), or a review id as shorthand for {@link ReviewAddress#byId(String)}.
 * Calls that decide or instruct take a last {@link Actor} with an address; without one they act as the API key's
 * actor. Every mutation sends an {@code Idempotency-Key}, so the SDK's retries never act twice.
 * Claims, assignment, deadlines and bulk decisions are in {@link Work}.
 */
public final class Reviews {

    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private final Transport transport;
    private final Executor async;
    private final Waiter waiter;

    Reviews(Transport transport, Executor async) {
        this.transport = transport;
        this.async = async;
        this.waiter = new Waiter(transport);
    }

    /**
     * The queue, oldest first, as an auto-paginating iterable.
     *
     * @param params the filters, e.g. {@code ListParams.open().workflowId("wf_abc123")}
     * @return the matching reviews; pages are fetched while iterating
     */
    public ReviewList list(ListParams params) {
        return new ReviewList(transport, Objects.requireNonNull(params, "params"));
    }

    /**
     * The open queue (not yet decided), oldest first.
     *
     * @return the open reviews; pages are fetched while iterating
     */
    public ReviewList list() {
        return list(ListParams.open());
    }

    /**
     * Sends a request for review with its own {@code Idempotency-Key}: sending the same request
     * again returns the first answer instead of a second review.
     *
     * @param request built with {@link Reviewgate#createReview(String)}
     * @return the review id, status and version id
     * @throws ValidationException when the fields do not match the form (a pointer per problem)
     * @throws ConflictException   when a review gates the run address already, or the updated one is decided
     * @throws NotFoundException   when the form or the review to update is unknown
     */
    public ReviewRequestResponse send(ReviewRequest request) {
        JsonNode answer = transport.send(Transport.Call.post("/v1/reviews", request.body(), request.idempotencyKey()));
        return Json.convert(answer, ReviewRequestResponse.class);
    }

    /**
     * Sends a request for review without blocking the caller, on the client's virtual threads.
     *
     * @param request built with {@link Reviewgate#createReview(String)}
     * @return a future completed with the answer, or exceptionally with a {@link ReviewgateException}
     */
    public CompletableFuture<ReviewRequestResponse> sendAsync(ReviewRequest request) {
        Objects.requireNonNull(request, "request");
        return CompletableFuture.supplyAsync(() -> send(request), async);
    }

    /**
     * A review.
     *
     * @param address the review
     * @return the review
     * @throws NotFoundException when there is no such review, or the gate is not reached yet
     */
    public Review get(ReviewAddress address) {
        return Json.convert(transport.send(Transport.Call.get(address.path())), Review.class);
    }

    /**
     * A review by id.
     *
     * @param reviewId the review id
     * @return the review
     * @throws NotFoundException when there is no such review
     */
    public Review get(String reviewId) {
        return get(ReviewAddress.byId(reviewId));
    }

    /**
     * Appends a version: a whole corrected snapshot authored from a parent version. The request
     * names the review in the same three ways as the other calls ({@link EditRequest#of}).
     *
     * @param edit the review, parent, snapshot and optional origin, note and author
     * @return the new version's id and the review
     * @throws ValidationException when the snapshot does not match the form, or the parent is unknown
     * @throws ConflictException   when the snapshot exists with another parent, or the review is decided
     */
    public Edited edit(EditRequest edit) {
        JsonNode answer = transport.send(Transport.Call.post(edit.address().path() + "/versions", edit.body()));
        return Json.convert(answer, Edited.class);
    }

    /**
     * Approves one exact version.
     *
     * @param address   the review
     * @param versionId the version that flows downstream
     * @param author    who decides, or null for the API key's actor
     * @return {@code APPLIED}, or {@code ALREADY_APPLIED} when this exact approval already stood; on a form
     *         that needs several approvals, {@code RECORDED} until the vote that completes the quorum
     * @throws ConflictException   when another decision stands ({@link ConflictException#decision()}), or a person
     *                             acts while another holds a claim ({@link ConflictException#claim()})
     * @throws ValidationException on a quorum form, when the author is not a person (kind human)
     */
    public DecisionResult approve(ReviewAddress address, String versionId, Actor author) {
        return decide(address, "approve", versionId, null, author);
    }

    /**
     * Approves one exact version, as the API key's actor.
     *
     * @param address   the review
     * @param versionId the version that flows downstream
     * @return see {@link #approve(ReviewAddress, String, Actor)}
     */
    public DecisionResult approve(ReviewAddress address, String versionId) {
        return approve(address, versionId, null);
    }

    /**
     * Approves one exact version of the review with this id, as the API key's actor.
     *
     * @param reviewId  the review id
     * @param versionId the version that flows downstream
     * @return see {@link #approve(ReviewAddress, String, Actor)}
     */
    public DecisionResult approve(String reviewId, String versionId) {
        return approve(ReviewAddress.byId(reviewId), versionId);
    }

    /**
     * Rejects one exact version.
     *
     * @param address   the review
     * @param versionId the version decided on
     * @param reason    why; required
     * @param author    who decides, or null for the API key's actor
     * @return {@code APPLIED}, or {@code ALREADY_APPLIED} when this exact rejection already stood
     * @throws ConflictException   when another decision stands ({@link ConflictException#decision()})
     * @throws ValidationException when the reason is empty or the version unknown
     */
    public DecisionResult reject(ReviewAddress address, String versionId, String reason, Actor author) {
        return decide(address, "reject", versionId, reason, author);
    }

    /**
     * Rejects one exact version, as the API key's actor.
     *
     * @param address   the review
     * @param versionId the version decided on
     * @param reason    why; required
     * @return see {@link #reject(ReviewAddress, String, String, Actor)}
     */
    public DecisionResult reject(ReviewAddress address, String versionId, String reason) {
        return reject(address, versionId, reason, null);
    }

    /**
     * Rejects one exact version of the review with this id, as the API key's actor.
     *
     * @param reviewId  the review id
     * @param versionId the version decided on
     * @param reason    why; required
     * @return see {@link #reject(ReviewAddress, String, String, Actor)}
     */
    public DecisionResult reject(String reviewId, String versionId, String reason) {
        return reject(ReviewAddress.byId(reviewId), versionId, reason, null);
    }

    /**
     * Asks the agent for a retry, per field (gotoHuman's retry buttons and instructions). The
     * review moves to {@code CHANGES_REQUESTED} and an {@code instructions} webhook is sent.
     *
     * @param address the review
     * @param fields  per field id, {@link FieldInstruction#rerun()} or {@link FieldInstruction#text(String)}
     * @param author  who asks, or null for the API key's actor
     * @return the review after the change
     * @throws ValidationException when a field does not allow that kind of retry
     * @throws ConflictException   when the review is decided
     */
    public Review instruct(ReviewAddress address, Map<String, FieldInstruction> fields, Actor author) {
        ObjectNode body = Json.object();
        body.set("fields", Json.tree(fields));
        Json.putIfSet(body, "author", author);
        return Json.convert(transport.send(Transport.Call.post(address.path() + "/instructions", body)), Review.class);
    }

    /**
     * Asks the agent for a retry, per field, as the API key's actor.
     *
     * @param address the review
     * @param fields  per field id, {@link FieldInstruction#rerun()} or {@link FieldInstruction#text(String)}
     * @return see {@link #instruct(ReviewAddress, Map, Actor)}
     */
    public Review instruct(ReviewAddress address, Map<String, FieldInstruction> fields) {
        return instruct(address, fields, null);
    }

    /**
     * Asks the agent of the review with this id for a retry, per field, as the API key's actor.
     *
     * @param reviewId the review id
     * @param fields   per field id, {@link FieldInstruction#rerun()} or {@link FieldInstruction#text(String)}
     * @return see {@link #instruct(ReviewAddress, Map, Actor)}
     */
    public Review instruct(String reviewId, Map<String, FieldInstruction> fields) {
        return instruct(ReviewAddress.byId(reviewId), fields, null);
    }

    /**
     * Waits until a review is awaiting a decision: it exists and is not decided (Retab's {@code wait_for}); on a run
     * address, when its block's gate is reached. Returns within milliseconds, long-polling in chunks of up to 60 s.
     *
     * @param address      the review
     * @param timeout      the longest to wait overall (may overrun by under a second)
     * @param pollInterval the pause between attempts after errors or early not-ready answers
     * @return the awaiting review
     * @throws WaitTimeoutException when the timeout passes first (also when the review was decided without waiting)
     * @throws NotFoundException    on an id address, when there is no such review
     */
    public Review waitFor(ReviewAddress address, Duration timeout, Duration pollInterval) {
        return waiter.await(address, "awaiting", timeout, pollInterval);
    }

    /**
     * Waits until the review with this id is awaiting a decision; returns at once when it is.
     *
     * @param reviewId     the review id
     * @param timeout      the longest to wait overall (may overrun by under a second)
     * @param pollInterval the pause between attempts after errors or early not-ready answers
     * @return see {@link #waitFor(ReviewAddress, Duration, Duration)}
     */
    public Review waitFor(String reviewId, Duration timeout, Duration pollInterval) {
        return waitFor(ReviewAddress.byId(reviewId), timeout, pollInterval);
    }

    /**
     * Waits until a review is decided, at once if it already is; on a run address the review need not exist yet.
     *
     * @param address the review
     * @param timeout the longest to wait overall (may overrun by under a second)
     * @return the decided review; see {@link Review#decision()}
     * @throws WaitTimeoutException when the timeout passes first
     * @throws NotFoundException    on an id address, when there is no such review
     */
    public Review waitForDecision(ReviewAddress address, Duration timeout) {
        return waiter.await(address, "decision", timeout, DEFAULT_POLL_INTERVAL);
    }

    /**
     * Waits until the review with this id is decided.
     *
     * @param reviewId the review id
     * @param timeout  the longest to wait overall (may overrun by under a second)
     * @return see {@link #waitForDecision(ReviewAddress, Duration)}
     */
    public Review waitForDecision(String reviewId, Duration timeout) {
        return waitForDecision(ReviewAddress.byId(reviewId), timeout);
    }

    private DecisionResult decide(ReviewAddress address, String verb, String versionId, String reason, Actor author) {
        ObjectNode body = Json.object().put("versionId", Objects.requireNonNull(versionId, "versionId"));
        Json.putIfSet(body, "reason", reason);
        Json.putIfSet(body, "author", author);
        return Json.convert(
                transport.send(Transport.Call.post(address.path() + "/" + verb, body)), DecisionResult.class);
    }
}
