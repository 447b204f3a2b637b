package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One revision of a form (review template), as the server normalised it.
 *
 * @param id           the form id
 * @param name         its name
 * @param revision     the revision number, 1 for the first
 * @param fields       the field definitions with every default spelled out
 * @param blockType    the Retab block preset it was expanded from, or null
 * @param reviewPolicy the review policy, or null
 * @param webhookUrl   the default webhook URL of its reviews, or null
 * @param routing      default assignees and who may act ({@code reviewers}: {@code anyone} or {@code assigned}),
 *                     or null
 * @param approvals    {@code {"required": n}}: distinct approvals that decide, or null for one
 * @param deadline     the default deadline of its reviews, or null
 * @param remind       the default reminders of its reviews, or null
 * @param createdAt    when the form was created
 * @param updatedAt    when this revision was made
 */
public record Form(
        String id,
        String name,
        int revision,
        JsonNode fields,
        String blockType,
        JsonNode reviewPolicy,
        String webhookUrl,
        JsonNode routing,
        JsonNode approvals,
        JsonNode deadline,
        JsonNode remind,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Normalises JSON nulls.
     *
     * @param id           the form id
     * @param name         its name
     * @param revision     the revision number
     * @param fields       the field definitions
     * @param blockType    the block preset, or null
     * @param reviewPolicy the review policy, or null
     * @param webhookUrl   the default webhook URL, or null
     * @param routing      the routing defaults, or null
     * @param approvals    the quorum, or null
     * @param deadline     the default deadline, or null
     * @param remind       the default reminders, or null
     * @param createdAt    when the form was created
     * @param updatedAt    when this revision was made
     */
    public Form {
        reviewPolicy = Json.orNull(reviewPolicy);
        routing = Json.orNull(routing);
        approvals = Json.orNull(approvals);
        deadline = Json.orNull(deadline);
        remind = Json.orNull(remind);
    }
}
