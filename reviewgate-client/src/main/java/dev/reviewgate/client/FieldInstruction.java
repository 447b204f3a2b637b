package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A reviewer's retry request for one field: run it again, or run it again following a text.
 *
 * @param type rerun or text instruction
 * @param text the instruction text; null for {@link Type#RERUN}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldInstruction(Type type, String text) {

    /** The two kinds of retry request a form field may allow. */
    public enum Type {
        /** The retry button: generate again. */
        @JsonProperty("rerun")
        RERUN,
        /** Generate again following {@link FieldInstruction#text()}. */
        @JsonProperty("textInstruction")
        TEXT_INSTRUCTION
    }

    /**
     * Checks that a text instruction has its text.
     *
     * @param type rerun or text instruction
     * @param text the instruction text; null for {@link Type#RERUN}
     */
    public FieldInstruction {
        Objects.requireNonNull(type, "type");
        if (type == Type.TEXT_INSTRUCTION && (text == null || text.isBlank())) {
            throw new IllegalArgumentException("a text instruction needs a text");
        }
    }

    /**
     * The retry button.
     *
     * @return {@code {"type":"rerun"}}
     */
    public static FieldInstruction rerun() {
        return new FieldInstruction(Type.RERUN, null);
    }

    /**
     * A text instruction.
     *
     * @param text e.g. {@code Make this shorter. 500 chars max}
     * @return {@code {"type":"textInstruction","text":…}}
     */
    public static FieldInstruction text(String text) {
        return new FieldInstruction(Type.TEXT_INSTRUCTION, text);
    }
}
