package dev.reviewgate.client;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook endpoint.
 *
 * @param id             the endpoint id, {@code whk_…}
 * @param url            where events are sent
 * @param events         the event names sent, or null for all
 * @param formId         only this form's events, or null for every form
 * @param secret         the signing secret {@code whsec_…}; only present in the answer to {@link Webhooks#register}
 * @param createdAt      when it was registered
 * @param disabledAt     when a receiver's {@code 410 Gone} disabled it, or null
 * @param disabledReason why it was disabled, or null
 */
public record WebhookEndpoint(
        String id,
        String url,
        List<String> events,
        String formId,
        String secret,
        Instant createdAt,
        Instant disabledAt,
        String disabledReason) {}
