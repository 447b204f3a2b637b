package dev.reviewgate.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The notification channels the dispatcher can send through, registered once at start. */
public final class Channels {

    private final Map<DeliveryChannel, Channel> byKind = new ConcurrentHashMap<>();

    /** Makes {@code channel} the sender of {@code kind}'s deliveries; webhooks are built in. */
    public void register(DeliveryChannel kind, Channel channel) {
        if (kind == DeliveryChannel.WEBHOOK) {
            throw new IllegalArgumentException("webhooks are sent by the dispatcher itself");
        }
        byKind.put(kind, channel);
    }

    Optional<Channel> of(DeliveryChannel kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
