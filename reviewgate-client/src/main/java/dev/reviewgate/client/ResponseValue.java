package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One field of a webhook's {@code responseValues}.
 *
 * @param value               the field's value in the reported version
 * @param wasEdited           whether it differs from the latest {@code model_output} version
 * @param instruction         on {@code review.instructions} events, this field's instruction of the round, else null
 * @param allTextInstructions every text instruction ever given for the field on this review, oldest first
 */
public record ResponseValue(
        JsonNode value, boolean wasEdited, FieldInstruction instruction, List<String> allTextInstructions) {

    /**
     * Normalises a missing list to an empty one.
     *
     * @param value               the field's value
     * @param wasEdited           whether it was edited
     * @param instruction         the round's instruction, or null
     * @param allTextInstructions every text instruction, or null for none
     */
    public ResponseValue {
        allTextInstructions = allTextInstructions == null ? List.of() : List.copyOf(allTextInstructions);
    }

    /**
     * The value as text, for text and markdown fields.
     *
     * @return the string value, or null when the value is not a string
     */
    public String text() {
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
