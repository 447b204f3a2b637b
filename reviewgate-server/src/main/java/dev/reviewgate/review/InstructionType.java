package dev.reviewgate.review;

import java.util.Optional;

/** The two kinds of retry request a form field may allow (rule 9). */
public enum InstructionType {
    RERUN("rerun"),
    TEXT("textInstruction");

    private final String wire;

    InstructionType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<InstructionType> fromWire(String text) {
        for (InstructionType t : values()) {
            if (t.wire.equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
