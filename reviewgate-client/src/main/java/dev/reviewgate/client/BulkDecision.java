package dev.reviewgate.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One verdict over explicit {@code (reviewId, versionId)} pairs: the items a reviewer actually saw,
 * never "all pending". Send it with {@link Work#decideInBulk(BulkDecision)}; each item is decided on its
 * own, with every rule of a single decision (exact versions, quorum votes, claims).
 *
 * <pre>{@code
 * List<BulkDecision.Item> seen = rg.reviews().list(ListParams.open().formId("invoice-extract")).stream()
 *         .limit(20).map(BulkDecision.Item::of).toList();
 * BulkResult result = rg.work().decideInBulk(BulkDecision.approve(seen).author(Actor.human("dana", "Dana")));
 * }</pre>
 *
 * @param action approve or reject
 * @param items  1–200 pairs
 * @param reason why, required for a rejection, else null
 * @param author who decides, or null for the API key's actor
 */
public record BulkDecision(Action action, List<Item> items, String reason, Actor author) {

    /** The verdict applied to every item. */
    public enum Action {
        /** Approve each item's version. */
        APPROVE,
        /** Reject each item's version, with the one reason. */
        REJECT
    }

    /**
     * One review and the exact version decided on.
     *
     * @param reviewId  the review id
     * @param versionId the version shown to the reviewer
     */
    public record Item(String reviewId, String versionId) {

        /**
         * Checks the members.
         *
         * @param reviewId  the review id
         * @param versionId the version
         */
        public Item {
            Objects.requireNonNull(reviewId, "reviewId");
            Objects.requireNonNull(versionId, "versionId");
        }

        /**
         * A queue entry as it was listed: its id and the head version at that moment.
         *
         * @param seen the queue entry
         * @return the item
         */
        public static Item of(ReviewSummary seen) {
            return new Item(seen.id(), seen.headVersionId());
        }

        /**
         * A review as it was read: its id and the head version at that moment.
         *
         * @param seen the review
         * @return the item
         */
        public static Item of(Review seen) {
            return new Item(seen.id(), seen.headVersionId());
        }
    }

    /**
     * Checks the members the SDK can check; the server checks the count (1–200) and the reason.
     *
     * @param action approve or reject
     * @param items  the pairs
     * @param reason the reason, or null
     * @param author the decider, or null
     */
    public BulkDecision {
        Objects.requireNonNull(action, "action");
        items = List.copyOf(items);
    }

    /**
     * Approves each item's version.
     *
     * @param items the pairs
     * @return the request, as the API key's actor
     */
    public static BulkDecision approve(List<Item> items) {
        return new BulkDecision(Action.APPROVE, items, null, null);
    }

    /**
     * Rejects each item's version.
     *
     * @param items  the pairs
     * @param reason why; required
     * @return the request, as the API key's actor
     */
    public static BulkDecision reject(List<Item> items, String reason) {
        return new BulkDecision(Action.REJECT, items, Objects.requireNonNull(reason, "reason"), null);
    }

    /**
     * Who decides; a person (kind human) is needed for votes on a quorum form.
     *
     * @param value e.g. {@code Actor.human("dana", "Dana Rivera")}
     * @return a copy with it
     */
    public BulkDecision author(Actor value) {
        return new BulkDecision(action, items, reason, value);
    }

    ObjectNode body() {
        ObjectNode body = Json.object().put("action", action == Action.APPROVE ? "approve" : "reject");
        ArrayNode list = body.putArray("items");
        items.forEach(i -> list.addObject().put("reviewId", i.reviewId()).put("versionId", i.versionId()));
        if (reason != null) {
            body.put("reason", reason);
        }
        if (author != null) {
            body.set("author", Json.tree(author));
        }
        return body;
    }
}
