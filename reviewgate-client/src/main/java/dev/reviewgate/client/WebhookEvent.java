package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A webhook's payload, as returned by {@link Webhooks#verify(String, Map, String)}: a superset of
 * gotoHuman's. Branch on {@link #event()}; drop events whose {@link #sequence()} is not above the
 * last one you handled for the review, since delivery order is not promised.
 *
 * @param type            gotoHuman's type: {@code instructions}, {@code review} (decisions), else the event name
 * @param event           {@code review.created}, {@code review.updated}, {@code review.edited},
 *                        {@code review.instructions}, {@code review.approved} or {@code review.rejected}
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
        String link) {

    /** {@link #event()} of a reviewer's retry request. */
    public static final String INSTRUCTIONS = "review.instructions";
    /** {@link #event()} of an approval. */
    public static final String APPROVED = "review.approved";
    /** {@link #event()} of a rejection. */
    public static final String REJECTED = "review.rejected";

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
     * @param link            the review's page
     */
    public WebhookEvent {
        responseValues = responseValues == null ? Map.of() : Map.copyOf(responseValues);
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
