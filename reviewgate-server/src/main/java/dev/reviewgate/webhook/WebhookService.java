package dev.reviewgate.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.event.EventType;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.net.HttpUrls;
import dev.reviewgate.net.SsrfGuard;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Endpoints, the account signing secret, and the delivery log: what the {@code /v1/webhooks} routes do. */
public final class WebhookService {

    private static final Set<String> EVENTS =
            Set.copyOf(Arrays.stream(EventType.values()).map(EventType::event).toList());
    static final int MAX_ENDPOINTS = 100;

    /** A delivery with its attempts, as the log shows it. */
    public record LoggedDelivery(Delivery delivery, List<Attempt> attempts) {}

    private final Database database;
    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final SsrfGuard guard;
    private final Dispatcher dispatcher;
    private final Ids ids;
    private final InstantSource clock;

    public WebhookService(
            Database database,
            EndpointRepository endpoints,
            DeliveryRepository deliveries,
            SsrfGuard guard,
            Dispatcher dispatcher,
            Ids ids,
            InstantSource clock) {
        this.database = database;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.dispatcher = dispatcher;
        this.ids = ids;
        this.clock = clock;
    }

    public Endpoint create(String accountId, JsonNode body) {
        BodyReader r = BodyReader.of(body, Set.of("url", "events", "formId"));
        String url = r.optionalString("url", HttpUrls.MAX_LENGTH);
        if (r.present("url") == null) {
            r.add(List.of(new Violation("/url", "is required")));
        } else if (url != null) {
            r.add(guard.checkUrl(url, "/url"));
        }
        List<String> events = r.present("events") == null ? null : r.stringList("events", EVENTS.size(), 64);
        if (events != null) {
            List<Violation> unknown = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (!EVENTS.contains(events.get(i))) {
                    unknown.add(new Violation(
                            "/events/" + i,
                            "unknown event; known: " + EVENTS.stream().sorted().toList()));
                }
            }
            r.add(unknown);
        }
        String formId = r.optionalString("formId", 200);
        r.throwIfInvalid();
        Endpoint endpoint = new Endpoint(
                accountId,
                ids.next("whk"),
                url,
                events,
                formId,
                new SigningSecret(Signer.newSecret(), null, null),
                clock.millis(),
                null,
                null);
        database.write(h -> {
            database.lockAccount(h, accountId);
            if (endpoints.list(h, accountId).size() >= MAX_ENDPOINTS) {
                throw Problem.conflict("An account has at most " + MAX_ENDPOINTS + " webhook endpoints.");
            }
            endpoints.insert(h, endpoint);
            Audit.record(
                    h,
                    endpoint.createdAt(),
                    AuditEvent.of(accountId, AuditActions.WEBHOOK_CREATED)
                            .with("webhookId", endpoint.id())
                            .with("url", url)
                            .with("events", events)
                            .with("formId", formId));
            return null;
        });
        return endpoint;
    }

    public List<Endpoint> list(String accountId) {
        return database.read(h -> endpoints.list(h, accountId));
    }

    public Endpoint get(String accountId, String id) {
        return database.read(h -> endpoints.find(h, accountId, id))
                .orElseThrow(() -> Problem.notFound("No webhook " + id));
    }

    public void delete(String accountId, String id) {
        database.write(h -> {
            if (!endpoints.delete(h, accountId, id, clock.millis())) {
                throw Problem.notFound("No webhook " + id);
            }
            deliveries.failPendingForEndpoint(h, accountId, id, "endpoint deleted", clock.millis());
            Audit.record(
                    h,
                    clock.millis(),
                    AuditEvent.of(accountId, AuditActions.WEBHOOK_DELETED).with("webhookId", id));
            return null;
        });
    }

    /** The endpoint with the secret this rotation set (not another concurrent rotation's). */
    public Endpoint rotateEndpointSecret(String accountId, String id) {
        return database.write(h -> {
                    Optional<Endpoint> rotated = endpoints.rotate(h, accountId, id, Signer.newSecret(), clock.millis());
                    rotated.ifPresent(e -> Audit.record(
                            h,
                            clock.millis(),
                            AuditEvent.of(accountId, AuditActions.WEBHOOK_SECRET_ROTATED)
                                    .with("webhookId", id)));
                    return rotated;
                })
                .orElseThrow(() -> Problem.notFound("No webhook " + id));
    }

    public SigningSecret signingSecret(String accountId) {
        return database.write(h -> endpoints.signingSecret(h, accountId, clock.millis()));
    }

    public SigningSecret rotateSigningSecret(String accountId) {
        return database.write(h -> {
            SigningSecret rotated = endpoints.rotateSigningSecret(h, accountId, Signer.newSecret(), clock.millis());
            Audit.record(h, clock.millis(), AuditEvent.of(accountId, AuditActions.SIGNING_SECRET_ROTATED));
            return rotated;
        });
    }

    /** A page of deliveries for {@code column} ∈ endpoint_id, review_id, newest first. */
    public List<LoggedDelivery> log(
            String accountId, String column, String value, Long beforeCreated, String beforeId, int limit) {
        return database.read(h -> deliveries.page(h, accountId, column, value, beforeCreated, beforeId, limit).stream()
                .map(d -> new LoggedDelivery(d, deliveries.attempts(h, accountId, d.id())))
                .toList());
    }

    public LoggedDelivery delivery(String accountId, String id) {
        return logged(accountId, id, true);
    }

    /** A notification (e-mail, Slack, Teams) with its attempts, for the admins' notification log. */
    public LoggedDelivery notification(String accountId, String id) {
        return logged(accountId, id, false);
    }

    private LoggedDelivery logged(String accountId, String id, boolean webhook) {
        return database.read(h -> deliveries
                        .find(h, accountId, id)
                        .filter(d -> (d.channel() == DeliveryChannel.WEBHOOK) == webhook)
                        .map(d -> new LoggedDelivery(d, deliveries.attempts(h, accountId, d.id()))))
                .orElseThrow(() -> Problem.notFound("No delivery " + id));
    }

    /** Starts the delivery's schedule again now, whatever its state; the dispatcher is woken at once. */
    public LoggedDelivery redeliver(String accountId, String id) {
        return redeliver(accountId, id, true);
    }

    /** Sends a notification again from the start of its schedule (the admins' notification log). */
    public LoggedDelivery redeliverNotification(String accountId, String id) {
        return redeliver(accountId, id, false);
    }

    /** Webhooks through the API, notifications through the admins' log: neither reaches the other. */
    private LoggedDelivery redeliver(String accountId, String id, boolean webhook) {
        database.write(h -> {
            Delivery d = deliveries
                    .find(h, accountId, id)
                    .filter(x -> (x.channel() == DeliveryChannel.WEBHOOK) == webhook)
                    .orElseThrow(() -> Problem.notFound("No delivery " + id));
            if (d.endpointId() != null
                    && endpoints
                            .find(h, accountId, d.endpointId())
                            .filter(e -> e.disabledAt() == null)
                            .isEmpty()) {
                throw Problem.conflict("The endpoint of delivery " + id + " is deleted or disabled.");
            }
            deliveries.redeliver(h, accountId, id, clock.millis());
            Audit.record(
                    h,
                    clock.millis(),
                    AuditEvent.of(accountId, AuditActions.DELIVERY_REDELIVERED)
                            .with("deliveryId", id)
                            .review(d.reviewId()));
            return null;
        });
        dispatcher.nudge();
        return logged(accountId, id, webhook);
    }
}
