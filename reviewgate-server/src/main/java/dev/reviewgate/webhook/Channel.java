package dev.reviewgate.webhook;

/**
 * Sends the claimed deliveries of one notification channel (e-mail, Slack, Teams). The dispatcher
 * leases, retries and logs them exactly as it does webhooks; a channel only makes one attempt and
 * says how it went: a 2xx-like status delivers, anything else is retried on the same schedule.
 */
@FunctionalInterface
public interface Channel {

    WebhookSender.Outcome send(DeliveryRepository.Claimed claimed);
}
