package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The human side of open reviews: who works on them (claims and assignment), by when (deadlines),
 * and deciding several at once.
 *
 * <pre>{@code
 * Actor dana = Actor.human("dana@example.com", "Dana Rivera");
 * Review claimed = rg.work().claim(address, dana);           // 409 ConflictException#claim() if another holds it
 * rg.work().assign(address, Assignees.groups("billing"));
 * rg.work().moveDeadline(address, Duration.ofHours(2));
 * rg.work().release(address, dana);
 * }</pre>
 *
 * Like {@link Reviews}, every call on one review takes a {@link ReviewAddress} or a review id, and every
 * change is sent with an {@code Idempotency-Key}. Calls that answer the review answer it after the change.
 */
public final class Work {

    private final Transport transport;

    Work(Transport transport) {
        this.transport = transport;
    }

    /**
     * Claims the review, or renews the claim when {@code author} holds it already (the lease restarts from
     * now; {@link Claim#claimedAt()} stays). A live claim blocks other people on the web app, e-mail, Slack and
     * Teams until it is released or lapses.
     *
     * @param address the review
     * @param author  who claims, or null for the API key's actor
     * @param ttl     how long the lease lasts, in whole seconds from 1 s to 24 h; null for the server's 15 minutes
     * @return the review with its {@link Review#claim()}
     * @throws ConflictException   when another actor holds a live claim ({@link ConflictException#claim()}), or the
     *                             review is decided ({@link ConflictException#decision()})
     * @throws ValidationException when the lease is out of range
     */
    public Review claim(ReviewAddress address, Actor author, Duration ttl) {
        ObjectNode body = withAuthor(author);
        if (ttl != null) {
            body.put("ttlSeconds", ttl.toSeconds());
        }
        return post(address, "/claim", body);
    }

    /**
     * Claims the review for the server's default lease of 15 minutes, or renews it.
     *
     * @param address the review
     * @param author  who claims, or null for the API key's actor
     * @return see {@link #claim(ReviewAddress, Actor, Duration)}
     */
    public Review claim(ReviewAddress address, Actor author) {
        return claim(address, author, null);
    }

    /**
     * Claims the review with this id for the default lease, or renews it.
     *
     * @param reviewId the review id
     * @param author   who claims, or null for the API key's actor
     * @return see {@link #claim(ReviewAddress, Actor, Duration)}
     */
    public Review claim(String reviewId, Actor author) {
        return claim(ReviewAddress.byId(reviewId), author, null);
    }

    /**
     * Releases the live claim. Its holder may, and so may the API key acting for the service; without a live
     * claim nothing changes.
     *
     * @param address the review
     * @param author  who releases, or null for the API key's actor
     * @return the review, now without a claim
     * @throws ConflictException when a person other than the holder (and not an admin) releases it
     */
    public Review release(ReviewAddress address, Actor author) {
        return post(address, "/release", withAuthor(author));
    }

    /**
     * Releases the live claim of the review with this id.
     *
     * @param reviewId the review id
     * @param author   who releases, or null for the API key's actor
     * @return see {@link #release(ReviewAddress, Actor)}
     */
    public Review release(String reviewId, Actor author) {
        return release(ReviewAddress.byId(reviewId), author);
    }

    /**
     * Adds users and groups to the review's assignees (event {@code review.assigned}).
     *
     * @param address the review
     * @param who     at least one user or group
     * @return the review with its {@link Review#assignedTo()} and {@link Review#assignedToGroups()}
     * @throws ValidationException when a user or group is unknown (a pointer at each), or nobody is named
     * @throws ConflictException   when the review is decided
     */
    public Review assign(ReviewAddress address, Assignees who) {
        return assign(address, who, "add");
    }

    /**
     * Adds users and groups to the assignees of the review with this id.
     *
     * @param reviewId the review id
     * @param who      at least one user or group
     * @return see {@link #assign(ReviewAddress, Assignees)}
     */
    public Review assign(String reviewId, Assignees who) {
        return assign(ReviewAddress.byId(reviewId), who);
    }

    /**
     * Replaces the review's assignees; {@link Assignees#none()} unassigns it.
     *
     * @param address the review
     * @param who     the new assignees
     * @return the review with its new assignees
     * @throws ValidationException when a user or group is unknown (a pointer at each)
     * @throws ConflictException   when the review is decided
     */
    public Review replaceAssignees(ReviewAddress address, Assignees who) {
        return assign(address, who, "replace");
    }

    /**
     * Replaces the assignees of the review with this id.
     *
     * @param reviewId the review id
     * @param who      the new assignees
     * @return see {@link #replaceAssignees(ReviewAddress, Assignees)}
     */
    public Review replaceAssignees(String reviewId, Assignees who) {
        return replaceAssignees(ReviewAddress.byId(reviewId), who);
    }

    /**
     * Moves the review's due time to an instant in the future. A review without a deadline gets one that
     * rejects on expiry.
     *
     * @param address the review
     * @param at      the new due time
     * @return the review with its new {@link Review#dueAt()}
     * @throws ValidationException when the time is not in the future
     * @throws ConflictException   when the review is decided
     */
    public Review moveDeadline(ReviewAddress address, Instant at) {
        ObjectNode body = Json.object();
        body.set("at", Json.tree(Objects.requireNonNull(at, "at")));
        return post(address, "/deadline", body);
    }

    /**
     * Moves the review's due time to a span from now.
     *
     * @param address the review
     * @param after   e.g. {@code Duration.ofHours(2)}; positive, at most 366 days
     * @return the review with its new {@link Review#dueAt()}
     * @throws ValidationException when the span is out of range
     * @throws ConflictException   when the review is decided
     */
    public Review moveDeadline(ReviewAddress address, Duration after) {
        ObjectNode body = Json.object()
                .put("after", Objects.requireNonNull(after, "after").toString());
        return post(address, "/deadline", body);
    }

    /**
     * Moves the due time of the review with this id to an instant in the future.
     *
     * @param reviewId the review id
     * @param at       the new due time
     * @return see {@link #moveDeadline(ReviewAddress, Instant)}
     */
    public Review moveDeadline(String reviewId, Instant at) {
        return moveDeadline(ReviewAddress.byId(reviewId), at);
    }

    /**
     * Moves the due time of the review with this id to a span from now.
     *
     * @param reviewId the review id
     * @param after    the span from now
     * @return see {@link #moveDeadline(ReviewAddress, Duration)}
     */
    public Review moveDeadline(String reviewId, Duration after) {
        return moveDeadline(ReviewAddress.byId(reviewId), after);
    }

    /**
     * Decides each item on its own, in order. A well-formed request answers a result per item whether or not
     * that item succeeded; see {@link BulkResult#failures()}.
     *
     * @param decision the verdict and the {@code (reviewId, versionId)} pairs
     * @return a result per item
     * @throws ValidationException when the request is malformed: no items or more than 200, a rejection without a
     *                             reason, a bad author
     */
    public BulkResult decideInBulk(BulkDecision decision) {
        JsonNode answer = transport.send(Transport.Call.post("/v1/reviews/bulk", decision.body()));
        return Json.convert(answer, BulkResult.class);
    }

    private Review assign(ReviewAddress address, Assignees who, String mode) {
        ObjectNode body = Json.object().put("mode", mode);
        Objects.requireNonNull(who, "who").writeTo(body);
        return post(address, "/assign", body);
    }

    private Review post(ReviewAddress address, String action, ObjectNode body) {
        return Json.convert(transport.send(Transport.Call.post(address.path() + action, body)), Review.class);
    }

    private static ObjectNode withAuthor(Actor author) {
        ObjectNode body = Json.object();
        if (author != null) {
            body.set("author", Json.tree(author));
        }
        return body;
    }
}
