package dev.reviewgate.review;

import java.util.Optional;

/** The two terminal verdicts (rule 6). */
public enum Verdict {
    APPROVED("approved"),
    REJECTED("rejected");

    private final String wire;

    Verdict(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Verdict> fromWire(String text) {
        for (Verdict v : values()) {
            if (v.wire.equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
