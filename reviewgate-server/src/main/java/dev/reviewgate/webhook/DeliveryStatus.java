package dev.reviewgate.webhook;

import java.util.Arrays;

/** Where a delivery stands: pending until a 2xx (delivered) or until it gives up (failed). */
public enum DeliveryStatus {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String wire;

    DeliveryStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static DeliveryStatus fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown delivery status " + value));
    }

    @Override
    public String toString() {
        return wire;
    }
}
