package dev.reviewgate.schedule;

import java.util.Optional;

/** What a deadline does when it passes. Rejecting is the default everywhere; approving is explicit opt-in. */
public enum OnExpire {
    REJECT("reject"),
    APPROVE("approve"),
    ESCALATE("escalate");

    private final String wire;

    OnExpire(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<OnExpire> fromWire(String text) {
        for (OnExpire o : values()) {
            if (o.wire.equals(text)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
