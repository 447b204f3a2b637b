package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What a whole {@link Review} and a queue entry ({@link ReviewSummary}) both say about a review: its
 * header, its state and the human side of the work, without versions, instructions or votes.
 */
public sealed interface ReviewHeader permits Review, ReviewSummary {

    /**
     * The review id.
     *
     * @return the id, {@code rev_…}
     */
    String id();

    /**
     * The form (review template).
     *
     * @return the form id
     */
    String formId();

    /**
     * The form's name.
     *
     * @return the name
     */
    String formName();

    /**
     * The form revision the review was created with.
     *
     * @return the revision
     */
    int formRevision();

    /**
     * The review's title.
     *
     * @return the title, or null
     */
    String title();

    /**
     * Where it is in its lifecycle.
     *
     * @return the status
     */
    ReviewStatus status();

    /**
     * The caller's workflow id.
     *
     * @return the workflow id, or null
     */
    String workflowId();

    /**
     * The caller's run id.
     *
     * @return the run id, or null
     */
    String runId();

    /**
     * The caller's block id.
     *
     * @return the block id, or null
     */
    String blockId();

    /**
     * Caller metadata, echoed back.
     *
     * @return the metadata
     */
    JsonNode meta();

    /**
     * The latest version.
     *
     * @return its id
     */
    String headVersionId();

    /**
     * The terminal decision.
     *
     * @return the decision, or null while open
     */
    Decision decision();

    /**
     * The review-policy predicate that opened the gate.
     *
     * @return the predicate, or null
     */
    JsonNode triggeredBy();

    /**
     * When it last started waiting for a person.
     *
     * @return the time, or null
     */
    Instant awaitingSince();

    /**
     * Users it is assigned to.
     *
     * @return their e-mails
     */
    List<String> assignedTo();

    /**
     * Groups it is assigned to.
     *
     * @return the group ids
     */
    List<String> assignedToGroups();

    /**
     * 0–100, higher first in the queue sorted by priority (default 50).
     *
     * @return the priority
     */
    int priority();

    /**
     * The live claim.
     *
     * @return the claim, or null when nobody holds one (a lapsed claim shows as none)
     */
    Claim claim();

    /**
     * When its deadline passes.
     *
     * @return the due time, or null without a deadline
     */
    Instant dueAt();

    /**
     * How many reminders went to the assignees.
     *
     * @return the count
     */
    int remindersSent();

    /**
     * Every escalation of its deadline, oldest first.
     *
     * @return the escalations
     */
    List<Escalation> escalations();

    /**
     * When it was created.
     *
     * @return the time
     */
    Instant createdAt();

    /**
     * When it last changed.
     *
     * @return the time
     */
    Instant updatedAt();

    /**
     * Its page in the web app.
     *
     * @return the URL
     */
    String link();

    /**
     * Whether the review is undecided past its due time.
     *
     * @param now the time to judge at
     * @return true when it has a deadline that passed and no decision
     */
    default boolean isOverdue(Instant now) {
        return dueAt() != null && decision() == null && now.isAfter(dueAt());
    }

    /**
     * How to address this review in further calls.
     *
     * @return the address by review id
     */
    default ReviewAddress address() {
        return ReviewAddress.byId(id());
    }
}
