package dev.reviewgate.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A new version to append to a review: a whole snapshot authored from {@code parentId} (no
 * patching or merging). Build with {@link #of(ReviewAddress, String, Object)} (or name the review
 * by its id or its run, as every review call can), then chain the optional members.
 *
 * @param address  the review
 * @param parentId the version this edit was authored from (not necessarily the head)
 * @param snapshot the whole corrected output, any JSON-mappable value
 * @param origin   {@code HUMAN_EDIT} (default) or {@code AGENT_EDIT}
 * @param note     why, e.g. {@code Corrected total.}, or null
 * @param author   who edited (default: the API key's actor), or null
 */
public record EditRequest(
        ReviewAddress address, String parentId, Object snapshot, Origin origin, String note, Actor author) {

    /**
     * Checks the required members.
     *
     * @param address  the review
     * @param parentId the version this edit was authored from
     * @param snapshot the whole corrected output
     * @param origin   the origin, or null for {@code HUMAN_EDIT}
     * @param note     a note, or null
     * @param author   the author, or null
     */
    public EditRequest {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /**
     * An edit with the default origin {@code HUMAN_EDIT}, no note and the key's actor.
     *
     * @param address  the review
     * @param parentId the version this edit was authored from
     * @param snapshot the whole corrected output
     * @return the request
     */
    public static EditRequest of(ReviewAddress address, String parentId, Object snapshot) {
        return new EditRequest(address, parentId, snapshot, null, null, null);
    }

    /**
     * An edit of the review with this id, with the default origin, no note and the key's actor.
     *
     * @param reviewId the review id
     * @param parentId the version this edit was authored from
     * @param snapshot the whole corrected output
     * @return the request
     */
    public static EditRequest of(String reviewId, String parentId, Object snapshot) {
        return of(ReviewAddress.byId(reviewId), parentId, snapshot);
    }

    /**
     * Another origin.
     *
     * @param value e.g. {@link Origin#AGENT_EDIT}
     * @return a copy with it
     */
    public EditRequest origin(Origin value) {
        return new EditRequest(address, parentId, snapshot, value, note, author);
    }

    /**
     * A note on the edit.
     *
     * @param value e.g. {@code Corrected total.}
     * @return a copy with it
     */
    public EditRequest note(String value) {
        return new EditRequest(address, parentId, snapshot, origin, value, author);
    }

    /**
     * The edit's author.
     *
     * @param value e.g. {@code Actor.human("dana", "Dana Rivera")}
     * @return a copy with it
     */
    public EditRequest author(Actor value) {
        return new EditRequest(address, parentId, snapshot, origin, note, value);
    }

    ObjectNode body() {
        ObjectNode body = Json.object().put("parentId", parentId);
        body.set("snapshot", Json.tree(snapshot));
        if (origin != null) {
            body.set("origin", Json.tree(origin));
        }
        if (note != null) {
            body.put("note", note);
        }
        if (author != null) {
            body.set("author", Json.tree(author));
        }
        return body;
    }
}
