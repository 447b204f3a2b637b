package dev.reviewgate.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Times;

/** The JSON of endpoints, secrets and the delivery log. */
final class WebhookJson {

    private WebhookJson() {}

    static ObjectNode endpoint(Endpoint e, boolean withSecret) {
        ObjectNode out = Json.object().put("id", e.id()).put("url", e.url());
        if (e.events() == null) {
            out.putNull("events");
        } else {
            ArrayNode events = out.putArray("events");
            e.events().forEach(events::add);
        }
        out.put("formId", e.formId());
        if (withSecret) {
            out.put("secret", e.secret());
        }
        out.put("createdAt", Times.iso(e.createdAt()));
        out.put("disabledAt", Times.isoOrNull(e.disabledAt()));
        out.put("disabledReason", e.disabledReason());
        return out;
    }

    static ObjectNode secret(SigningSecret s, long now) {
        ObjectNode out = Json.object().put("secret", s.secret());
        boolean overlapping = s.signingSecrets(now).size() > 1;
        out.put("previousSecret", overlapping ? s.previousSecret() : null);
        out.put("rotatedAt", Times.isoOrNull(s.rotatedAt()));
        out.put(
                "previousSecretExpiresAt",
                overlapping ? Times.iso(s.rotatedAt() + SigningSecret.OVERLAP.toMillis()) : null);
        return out;
    }

    static ObjectNode delivery(WebhookService.LoggedDelivery logged) {
        Delivery d = logged.delivery();
        ObjectNode out =
                Json.object().put("id", d.id()).put("eventId", d.eventId()).put("reviewId", d.reviewId());
        out.put("endpointId", d.endpointId());
        out.put("url", d.url()).put("status", d.status().wire()).put("attempts", d.attempts());
        out.put("nextAttemptAt", Times.isoOrNull(d.nextAttemptAt()));
        out.put("lastStatusCode", d.lastStatusCode());
        out.put("lastError", d.lastError());
        out.put("createdAt", Times.iso(d.createdAt())).put("updatedAt", Times.iso(d.updatedAt()));
        ArrayNode attempts = out.putArray("attemptLog");
        for (Attempt a : logged.attempts()) {
            ObjectNode node = attempts.addObject()
                    .put("attempt", a.attempt())
                    .put("at", Times.iso(a.startedAt()))
                    .put("durationMs", a.durationMs());
            node.put("statusCode", a.statusCode());
            node.put("responseBody", a.responseExcerpt());
            node.put("error", a.error());
            node.put("applied", a.applied());
        }
        return out;
    }
}
