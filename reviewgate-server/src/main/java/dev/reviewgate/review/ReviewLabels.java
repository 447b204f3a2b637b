package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What the caller labels a review with: title, meta echoed back everywhere, and who should look. */
public record ReviewLabels(String title, JsonNode meta, List<String> assignedTo, List<String> assignedGroups) {

    /** The same labels with the title and meta an agent's update carried. */
    public ReviewLabels withTitleAndMeta(String newTitle, JsonNode newMeta) {
        return new ReviewLabels(newTitle, newMeta, assignedTo, assignedGroups);
    }
}
