package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A queue entry: a review's header ({@link ReviewHeader}) without its versions and instructions. Read the whole review
 * with {@link Reviews#get(String)}.
 *
 * @param id               the review id, {@code rev_…}
 * @param formId           the form (review template)
 * @param formName         the form's name
 * @param formRevision     the form revision the review was created with
 * @param title            the review's title, or null
 * @param status           where it is in its lifecycle
 * @param workflowId       the caller's workflow id, or null
 * @param runId            the caller's run id, or null
 * @param blockId          the caller's block id, or null
 * @param meta             caller metadata, echoed back
 * @param headVersionId    the latest version
 * @param decision         the terminal decision, or null while open
 * @param triggeredBy      the review-policy predicate that opened the gate, or null
 * @param awaitingSince    when it last started waiting for a person, or null
 * @param assignedTo       users it is assigned to
 * @param assignedToGroups groups it is assigned to
 * @param priority         0–100, higher first in the queue sorted by priority (default 50)
 * @param claim            the live claim, or null when nobody holds one
 * @param dueAt            when its deadline passes, or null without a deadline
 * @param remindersSent    how many reminders went to the assignees
 * @param escalations      every escalation of its deadline, oldest first
 * @param createdAt        when it was created
 * @param updatedAt        when it last changed
 * @param link             its page in the web app
 */
public record ReviewSummary(
        String id,
        String formId,
        String formName,
        int formRevision,
        String title,
        ReviewStatus status,
        String workflowId,
        String runId,
        String blockId,
        JsonNode meta,
        String headVersionId,
        Decision decision,
        JsonNode triggeredBy,
        Instant awaitingSince,
        List<String> assignedTo,
        List<String> assignedToGroups,
        int priority,
        Claim claim,
        Instant dueAt,
        int remindersSent,
        List<Escalation> escalations,
        Instant createdAt,
        Instant updatedAt,
        String link)
        implements ReviewHeader {

    /**
     * Normalises JSON nulls and absent lists.
     *
     * @param id               the review id
     * @param formId           the form
     * @param formName         the form's name
     * @param formRevision     the form revision
     * @param title            the title
     * @param status           the status
     * @param workflowId       the workflow
     * @param runId            the run
     * @param blockId          the block
     * @param meta             caller metadata
     * @param headVersionId    the latest version
     * @param decision         the decision
     * @param triggeredBy      the predicate, or null
     * @param awaitingSince    when it started waiting
     * @param assignedTo       assigned users
     * @param assignedToGroups assigned groups
     * @param priority         the priority
     * @param claim            the live claim, or null
     * @param dueAt            the due time, or null
     * @param remindersSent    reminders sent
     * @param escalations      escalations
     * @param createdAt        creation time
     * @param updatedAt        last change
     * @param link             its page
     */
    public ReviewSummary {
        triggeredBy = Json.orNull(triggeredBy);
        assignedTo = assignedTo == null ? List.of() : List.copyOf(assignedTo);
        assignedToGroups = assignedToGroups == null ? List.of() : List.copyOf(assignedToGroups);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }
}
