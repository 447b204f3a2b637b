package dev.reviewgate.review;

import java.util.Arrays;
import java.util.Optional;

/** Who produced a version: the model, a human editing in review, or an agent editing on its own. */
public enum Origin {
    MODEL_OUTPUT("model_output"),
    HUMAN_EDIT("human_edit"),
    AGENT_EDIT("agent_edit");

    private final String wire;

    Origin(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Origin> fromWire(String value) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(value)).findFirst();
    }
}
