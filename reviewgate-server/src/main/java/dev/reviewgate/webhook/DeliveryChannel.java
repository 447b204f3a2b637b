package dev.reviewgate.webhook;

import java.util.Arrays;

/** How a delivery travels: a signed webhook, or a notification to a person or a chat channel. */
public enum DeliveryChannel {
    WEBHOOK("webhook"),
    EMAIL("email"),
    SLACK("slack"),
    /** An update in place of a Slack message posted earlier, after a claim or a decision. */
    SLACK_UPDATE("slack.update"),
    TEAMS("teams");

    private final String wire;

    DeliveryChannel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static DeliveryChannel fromWire(String wire) {
        return Arrays.stream(values())
                .filter(c -> c.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown delivery channel " + wire));
    }
}
