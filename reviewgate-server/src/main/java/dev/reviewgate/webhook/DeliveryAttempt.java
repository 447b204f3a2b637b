package dev.reviewgate.webhook;

import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Ids;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt at a claimed delivery: sign and send a webhook, or hand a notification to its
 * channel, then record the outcome under the lease in one transaction. 2xx delivers; a webhook's
 * 410 fails it for good and disables the endpoint; anything else is retried on the schedule until
 * it is exhausted.
 */
public final class DeliveryAttempt {

    private final Database database;
    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final WebhookSender sender;
    private final Channels channels;
    private final Ids ids;
    private final InstantSource clock;

    public DeliveryAttempt(
            Database database,
            DeliveryRepository deliveries,
            EndpointRepository endpoints,
            WebhookSender sender,
            Channels channels,
            Ids ids,
            InstantSource clock) {
        this.database = database;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.channels = channels;
        this.ids = ids;
        this.clock = clock;
    }

    public void run(DeliveryRepository.Claimed claimed) {
        Delivery d = claimed.delivery();
        long startedAt = clock.millis();
        WebhookSender.Outcome outcome;
        if (d.channel() == DeliveryChannel.WEBHOOK) {
            Optional<WebhookSender.Outcome> sent = sendWebhook(claimed, startedAt);
            if (sent.isEmpty()) {
                record(claimed, startedAt, failure("endpoint was deleted or disabled"), DeliveryStatus.FAILED, null);
                return;
            }
            outcome = sent.get();
        } else {
            outcome = channels.of(d.channel())
                    .map(channel -> channel.send(claimed))
                    .orElseGet(() -> failure("no " + d.channel().wire() + " channel is configured"));
        }
        if (outcome.succeeded()) {
            record(claimed, startedAt, outcome, DeliveryStatus.DELIVERED, null);
        } else if (d.channel() == DeliveryChannel.WEBHOOK
                && Integer.valueOf(410).equals(outcome.statusCode())) {
            record(claimed, startedAt, outcome, DeliveryStatus.FAILED, null);
        } else {
            Optional<Duration> delay = RetrySchedule.next(d.attempts() + 1, outcome.retryAfter());
            record(
                    claimed,
                    startedAt,
                    outcome,
                    delay.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
                    delay.map(x -> clock.millis() + x.toMillis()).orElse(null));
        }
    }

    /** Signs and posts a webhook; empty when its endpoint is gone. */
    private Optional<WebhookSender.Outcome> sendWebhook(DeliveryRepository.Claimed claimed, long startedAt) {
        Delivery d = claimed.delivery();
        Optional<List<String>> secrets = secrets(d, startedAt);
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        long timestamp = startedAt / 1000;
        Map<String, String> headers = Map.of(
                "webhook-id", d.id(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", Signer.signature(secrets.get(), d.id(), timestamp, claimed.payload()));
        return Optional.of(sender.send(d.url(), headers, claimed.payload()));
    }

    private static WebhookSender.Outcome failure(String error) {
        return new WebhookSender.Outcome(null, null, Optional.empty(), error, 0);
    }

    /** The live secrets of the delivery's target: a read, but for the first use of the account secret. */
    private Optional<List<String>> secrets(Delivery d, long now) {
        if (d.endpointId() == null) {
            SigningSecret secret = database.read(h -> endpoints.existingSigningSecret(h, d.accountId()))
                    .orElseGet(() -> database.write(h -> endpoints.signingSecret(h, d.accountId(), now)));
            return Optional.of(secret.signingSecrets(now));
        }
        return database.read(h -> endpoints.find(h, d.accountId(), d.endpointId()))
                .filter(e -> e.disabledAt() == null)
                .map(e -> e.secrets().signingSecrets(now));
    }

    private void record(
            DeliveryRepository.Claimed claimed,
            long startedAt,
            WebhookSender.Outcome outcome,
            DeliveryStatus status,
            Long nextAttemptAt) {
        Delivery d = claimed.delivery();
        long now = clock.millis();
        database.write(h -> {
            boolean applied = deliveries.complete(
                    h,
                    d.accountId(),
                    d.id(),
                    claimed.token(),
                    status,
                    nextAttemptAt,
                    outcome.statusCode(),
                    outcome.error(),
                    now);
            deliveries.insertAttempt(
                    h,
                    d.accountId(),
                    new Attempt(
                            ids.next("att"),
                            d.id(),
                            d.attempts() + 1,
                            startedAt,
                            outcome.durationMs(),
                            outcome.statusCode(),
                            outcome.excerpt(),
                            applied ? outcome.error() : lostLease(outcome.error()),
                            applied));
            if (applied && d.endpointId() != null && Integer.valueOf(410).equals(outcome.statusCode())) {
                endpoints.disable(h, d.accountId(), d.endpointId(), "receiver answered 410 Gone", now);
                deliveries.failPendingForEndpoint(
                        h, d.accountId(), d.endpointId(), "endpoint disabled after 410 Gone", now);
            }
            return null;
        });
    }

    private static String lostLease(String error) {
        return "lease expired before the outcome was recorded; result discarded"
                + (error == null ? "" : " (" + error + ")");
    }
}
