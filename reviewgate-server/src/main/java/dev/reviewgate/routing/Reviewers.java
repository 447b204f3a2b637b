package dev.reviewgate.routing;

import java.util.Optional;

/** Who may act on a review through a person's channel: anyone in the account, or only those assigned. */
public enum Reviewers {
    ANYONE("anyone"),
    ASSIGNED("assigned");

    private final String wire;

    Reviewers(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Reviewers> fromWire(String text) {
        for (Reviewers r : values()) {
            if (r.wire.equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
