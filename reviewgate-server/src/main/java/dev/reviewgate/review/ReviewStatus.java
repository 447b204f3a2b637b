package dev.reviewgate.review;

import java.util.Arrays;

/** Where a review is in its lifecycle; {@code approved} and {@code rejected} are terminal. */
public enum ReviewStatus {
    PENDING("pending", true),
    CHANGES_REQUESTED("changes_requested", true),
    APPROVED("approved", false),
    REJECTED("rejected", false);

    private final String wire;
    private final boolean open;

    ReviewStatus(String wire, boolean open) {
        this.wire = wire;
        this.open = open;
    }

    public String wire() {
        return wire;
    }

    public boolean isOpen() {
        return open;
    }

    public static ReviewStatus fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status " + value));
    }
}
