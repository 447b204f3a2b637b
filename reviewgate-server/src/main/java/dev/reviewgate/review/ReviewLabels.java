package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.routing.Assignees;

/**
 * What the caller labels a review with: title, meta echoed back everywhere, who should look, and
 * how urgent it is (priority 0–100, higher first).
 */
public record ReviewLabels(String title, JsonNode meta, Assignees assignees, int priority) {

    public static final int DEFAULT_PRIORITY = 50;

    /** The same labels with the title and meta an agent's update carried. */
    public ReviewLabels withTitleAndMeta(String newTitle, JsonNode newMeta) {
        return new ReviewLabels(newTitle, newMeta, assignees, priority);
    }

    public ReviewLabels withAssignees(Assignees newAssignees) {
        return new ReviewLabels(title, meta, newAssignees, priority);
    }
}
