package dev.reviewgate.notification;

import dev.reviewgate.webhook.DeliveryChannel;

/**
 * Where one message goes. {@code url} names the destination without holding a secret:
 * {@code mailto:<address>}, {@code slack:<channel or user>}, or {@code teams:form} /
 * {@code teams:group:<id>} whose workflow URL is read, decrypted, at send time.
 *
 * @param userId the person it is for (their e-mail, their Slack DM), or null for a shared channel
 */
public record Destination(DeliveryChannel channel, String url, String userId) {}
