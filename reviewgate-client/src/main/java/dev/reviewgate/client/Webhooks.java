package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Webhooks: verify what you receive with the static {@link #verify(String, Map, String)}, and
 * manage endpoints through {@link Reviewgate#webhooks()}.
 *
 * <pre>{@code
 * // in your HTTP handler, with the raw body exactly as received:
 * WebhookEvent event = Webhooks.verify(secret, request.headers(), rawBody);
 * if (event.event().equals(WebhookEvent.INSTRUCTIONS)) { ... }
 * }</pre>
 */
public final class Webhooks {

    private final Transport transport;

    Webhooks(Transport transport) {
        this.transport = transport;
    }

    /**
     * Verifies a received webhook (Standard Webhooks) and parses it. The timestamp must be within
     * 5 minutes of now either way; any one of the space-separated {@code v1,} signatures may match
     * (during a secret rotation the server sends two). Signatures are compared in constant time.
     *
     * @param secret  the endpoint's or account's secret, {@code whsec_…}
     * @param headers the request headers; names are matched case-insensitively
     * @param body    the raw request body, exactly as received
     * @return the event
     * @throws WebhookVerificationException when a header is missing, the timestamp is stale or no signature matches
     */
    public static WebhookEvent verify(String secret, Map<String, List<String>> headers, String body) {
        return verify(secret, headers, body, Instant.now());
    }

    /**
     * {@link #verify(String, Map, String)} against a given clock, for tests and replays.
     *
     * @param secret  the secret, {@code whsec_…}
     * @param headers the request headers
     * @param body    the raw request body
     * @param clock   the clock the timestamp is checked against
     * @return the event
     * @throws WebhookVerificationException when the webhook does not verify
     */
    public static WebhookEvent verify(String secret, Map<String, List<String>> headers, String body, Clock clock) {
        return verify(secret, headers, body, clock.instant());
    }

    /**
     * {@link #verify(String, Map, String)} as of a given instant.
     *
     * @param secret  the secret, {@code whsec_…}
     * @param headers the request headers
     * @param body    the raw request body
     * @param now     the instant the timestamp is checked against
     * @return the event
     * @throws WebhookVerificationException when the webhook does not verify
     */
    public static WebhookEvent verify(String secret, Map<String, List<String>> headers, String body, Instant now) {
        Signatures.check(secret, headers, body, now);
        try {
            return Json.MAPPER.readValue(body, WebhookEvent.class);
        } catch (Exception e) {
            throw new WebhookVerificationException("the signed body is not a webhook event: " + e.getMessage());
        }
    }

    /**
     * Registers an endpoint that receives the account's events.
     *
     * @param url    an http or https URL the server may reach
     * @param events event names to send (e.g. {@link WebhookEvent#APPROVED}), or null for all
     * @param formId only this form's events, or null for every form
     * @return the endpoint with its {@code secret}, shown only here
     * @throws ValidationException when the URL is refused (not http/https, or not allowed by the server's SSRF rules)
     */
    public WebhookEndpoint register(String url, List<String> events, String formId) {
        ObjectNode body = Json.object().put("url", url);
        if (events != null) {
            body.set("events", Json.tree(events));
        }
        if (formId != null) {
            body.put("formId", formId);
        }
        return Json.convert(transport.send(Transport.Call.post("/v1/webhooks", body)), WebhookEndpoint.class);
    }

    /**
     * Deletes an endpoint; nothing more is sent to it.
     *
     * @param endpointId the endpoint, {@code whk_…}
     * @throws NotFoundException when there is no such endpoint
     */
    public void delete(String endpointId) {
        transport.send(Transport.Call.delete("/v1/webhooks/" + ReviewAddress.segment(endpointId)));
    }

    /**
     * The account secret that signs deliveries to reviews' and forms' own {@code webhookUrl}s
     * (registered endpoints have their own secret).
     *
     * @return the secret, {@code whsec_…}
     */
    public String signingSecret() {
        JsonNode answer = transport.send(Transport.Call.get("/v1/signing-secret"));
        return answer.path("secret").asText();
    }
}
