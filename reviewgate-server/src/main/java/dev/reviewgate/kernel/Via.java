package dev.reviewgate.kernel;

import java.util.Optional;

/**
 * The channel a decision, vote, claim or instruction came through. It is recorded with the change,
 * appears in events and the audit log, and labels the time-to-decision metric.
 */
public enum Via {
    API("api"),
    WEB("web"),
    EMAIL("email"),
    SLACK("slack"),
    TEAMS("teams"),
    MCP("mcp"),
    POLICY("policy"),
    DEADLINE("deadline");

    private final String wire;

    Via(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Via> fromWire(String text) {
        for (Via v : values()) {
            if (v.wire.equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Channels through which a person acts, where routing and claims apply ({@code api} acts for the service). */
    public boolean isHumanChannel() {
        return this == WEB || this == EMAIL || this == SLACK || this == TEAMS;
    }
}
