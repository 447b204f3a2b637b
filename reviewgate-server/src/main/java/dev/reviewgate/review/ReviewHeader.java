package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a review is and where it came from, fixed at creation: its form revision, its place in the
 * caller's run, the fields it shows, what the policy flagged and where its webhooks go.
 */
public record ReviewHeader(
        String accountId,
        String id,
        FormPin form,
        RunAddress address,
        List<String> visibleFields,
        JsonNode triggeredBy,
        String webhookUrl,
        long createdAt) {

    /** The form revision a review pinned at creation, and that revision's name. */
    public record FormPin(String id, int revision, String name) {}

    /** Where a review sits in the caller's workflow; each part may be absent. */
    public record RunAddress(String workflowId, String runId, String blockId) {}
}
