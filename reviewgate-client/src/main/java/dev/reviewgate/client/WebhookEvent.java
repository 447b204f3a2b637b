package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook's payload, as returned by {@link Webhooks#verify(String, Map, String)}: a superset of
 * gotoHuman's. Branch on {@link #eventType()} (or the name {@link #event()}); drop events whose {@link #sequence()} is not above the
 * last one you handled for the review, since delivery order is not promised.
 *
 * @param type            gotoHuman's type: {@code instructions}, {@code review} (decisions), else the event name
 * @param event           the event name, e.g. {@code review.approved}; typed by {@link #eventType()}
 * @param eventId         the event id, {@code evt_…}
 * @param sequence        increases per review
 * @param accountId       the account
 * @param reviewId        the review
 * @param formId          the form
 * @param formName        the form's name
 * @param formRevision    the form revision
 * @param status          the review's status after the event
 * @param respondingUser  who caused it, or null
 * @param respondedAt     when
 * @param via             the channel it came through ({@link Via#DEADLINE} for expiry, escalation and reminders)
 * @param response        {@code approved} or {@code rejected} on decision events, else null
 * @param reason          the decision's reason, or null
 * @param responseValues  per visible field of the reported version
 * @param meta            caller metadata, echoed back
 * @param versionId       the reported version
 * @param parentVersionId its parent, or null
 * @param origin          its origin
 * @param title           the review's title, or null
 * @param workflowId      the workflow, or null
 * @param runId           the run, or null
 * @param blockId         the block, or null
 * @param round           the current instructions round (0 before any)
 * @param assignedTo      the users it is assigned to after the event
 * @param assignedToGroups the groups it is assigned to after the event
 * @param priority        its priority, 0–100
 * @param dueAt           its due time after the event, or null without a deadline
 * @param claim           the claim after the event, or null (always null on {@code review.released})
 * @param votes           on {@code review.voted}, the votes so far on the reported version; else 0
 * @param link            the review's page in the web app
 */
public record WebhookEvent(
        String type,
        String event,
        String eventId,
        long sequence,
        String accountId,
        String reviewId,
        String formId,
        String formName,
        int formRevision,
        ReviewStatus status,
        String respondingUser,
        Instant respondedAt,
        Via via,
        String response,
        String reason,
        Map<String, ResponseValue> responseValues,
        JsonNode meta,
        String versionId,
        String parentVersionId,
        Origin origin,
        String title,
        String workflowId,
        String runId,
        String blockId,
        int round,
        List<String> assignedTo,
        List<String> assignedToGroups,
        int priority,
        Instant dueAt,
        Claim claim,
        int votes,
        String link) {

    /** {@link #event()} of a new review. */
    public static final String CREATED = "review.created";
    /** {@link #event()} of the agent's update after instructions. */
    public static final String UPDATED = "review.updated";
    /** {@link #event()} of a new version by an edit. */
    public static final String EDITED = "review.edited";
    /** {@link #event()} of a reviewer's retry request. */
    public static final String INSTRUCTIONS = "review.instructions";
    /** {@link #event()} of an approval. */
    public static final String APPROVED = "review.approved";
    /** {@link #event()} of a rejection. */
    public static final String REJECTED = "review.rejected";
    /** {@link #event()} of a change of assignees. */
    public static final String ASSIGNED = "review.assigned";
    /** {@link #event()} of a claim taken or renewed. */
    public static final String CLAIMED = "review.claimed";
    /** {@link #event()} of a claim released. */
    public static final String RELEASED = "review.released";
    /** {@link #event()} of a reminder to the assignees. */
    public static final String REMINDER = "review.reminder";
    /** {@link #event()} of a deadline's escalation. */
    public static final String ESCALATED = "review.escalated";
    /** {@link #event()} of a passed deadline; the decision event follows unless it escalated. */
    public static final String EXPIRED = "review.expired";
    /** {@link #event()} of an approval vote toward a quorum that is not complete yet. */
    public static final String VOTED = "review.voted";

    /**
     * Normalises a missing map to an empty one.
     *
     * @param type            gotoHuman's type
     * @param event           the event name
     * @param eventId         the event id
     * @param sequence        the per-review sequence
     * @param accountId       the account
     * @param reviewId        the review
     * @param formId          the form
     * @param formName        the form's name
     * @param formRevision    the form revision
     * @param status          the review's status
     * @param respondingUser  who caused it
     * @param respondedAt     when
     * @param via             the channel
     * @param response        the verdict on decision events
     * @param reason          the decision's reason
     * @param responseValues  per visible field
     * @param meta            caller metadata
     * @param versionId       the reported version
     * @param parentVersionId its parent
     * @param origin          its origin
     * @param title           the title
     * @param workflowId      the workflow
     * @param runId           the run
     * @param blockId         the block
     * @param round           the instructions round
     * @param assignedTo      assigned users
     * @param assignedToGroups assigned groups
     * @param priority        the priority
     * @param dueAt           the due time
     * @param claim           the claim
     * @param votes           the votes on a voted event
     * @param link            the review's page
     */
    public WebhookEvent {
        responseValues = responseValues == null ? Map.of() : Map.copyOf(responseValues);
        assignedTo = assignedTo == null ? List.of() : List.copyOf(assignedTo);
        assignedToGroups = assignedToGroups == null ? List.of() : List.copyOf(assignedToGroups);
    }

    /**
     * {@link #event()} as a type to switch on.
     *
     * @return the event's type, {@link EventType#UNKNOWN} for one this SDK version does not know
     */
    public EventType eventType() {
        return EventType.of(event);
    }

    /**
     * One field of {@link #responseValues()}.
     *
     * @param fieldId the field id
     * @return the field's value, or null when the event does not carry it
     */
    public ResponseValue field(String fieldId) {
        return responseValues.get(fieldId);
    }
}
