package dev.reviewgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.reviewgate.json.Json;
import java.util.Set;

/**
 * What a policy is evaluated on when a review is created.
 *
 * @param snapshot the model's output, as submitted
 * @param signals the caller's {@code signals} object (e.g. {@code {"confidence":0.71}}); may be empty
 * @param validationFailed whether the snapshot broke its form's schema constraints
 * @param requiredFieldIds the ids of the form's required fields
 */
public record PolicyInput(JsonNode snapshot, JsonNode signals, boolean validationFailed, Set<String> requiredFieldIds) {

    public PolicyInput {
        // Absent inputs are normalised here so that evaluation never has to null-check.
        snapshot = snapshot == null ? NullNode.getInstance() : snapshot;
        signals = signals == null || signals.isNull() || signals.isMissingNode() ? Json.object() : signals;
        if (!signals.isObject()) {
            // The HTTP layer validates signals with a pointer; reaching here is a caller bug.
            throw new IllegalArgumentException("signals must be a JSON object");
        }
        requiredFieldIds = requiredFieldIds == null ? Set.of() : Set.copyOf(requiredFieldIds);
    }
}
