package dev.reviewgate.review;

import java.util.Optional;

/** The orders of the queue: oldest first, soonest due first (no deadline last), or highest priority first. */
public enum QueueSort {
    CREATED_AT("createdAt"),
    DUE_AT("dueAt"),
    PRIORITY("priority");

    private final String wire;

    QueueSort(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<QueueSort> fromWire(String text) {
        for (QueueSort s : values()) {
            if (s.wire.equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
