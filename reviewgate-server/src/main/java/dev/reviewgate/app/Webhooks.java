package dev.reviewgate.app;

import dev.reviewgate.config.Settings;
import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.net.HostResolver;
import dev.reviewgate.net.SsrfGuard;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.webhook.Channels;
import dev.reviewgate.webhook.DeliveryAttempt;
import dev.reviewgate.webhook.DeliveryPlanner;
import dev.reviewgate.webhook.DeliveryRepository;
import dev.reviewgate.webhook.Dispatcher;
import dev.reviewgate.webhook.EndpointRepository;
import dev.reviewgate.webhook.WebhookRoutes;
import dev.reviewgate.webhook.WebhookSender;
import dev.reviewgate.webhook.WebhookService;
import java.time.InstantSource;

/**
 * The delivery machinery's running parts: guard, planner, sender, the notification channels and
 * the dispatcher. The dispatcher starts once every channel is registered ({@link #startDispatching}).
 */
record Webhooks(
        SsrfGuard guard,
        EndpointRepository endpoints,
        DeliveryRepository deliveries,
        DeliveryPlanner planner,
        WebhookSender sender,
        Channels channels,
        Dispatcher dispatcher,
        Ids ids)
        implements AutoCloseable {

    static Webhooks start(Database database, Settings settings, Ids ids, InstantSource clock) {
        SsrfGuard guard = new SsrfGuard(settings.webhookNetwork(), HostResolver.system());
        EndpointRepository endpoints = new EndpointRepository(database.caches());
        DeliveryRepository deliveries = new DeliveryRepository();
        WebhookSender sender = new WebhookSender(guard, settings.webhookTimeout());
        Channels channels = new Channels();
        Dispatcher dispatcher = new Dispatcher(
                database,
                deliveries,
                new DeliveryAttempt(database, deliveries, endpoints, sender, channels, ids, clock),
                ids,
                clock,
                settings.webhookTimeout());
        return new Webhooks(
                guard,
                endpoints,
                deliveries,
                new DeliveryPlanner(endpoints, deliveries, ids, dispatcher::nudge),
                sender,
                channels,
                dispatcher,
                ids);
    }

    /** Starts sending what is due, webhooks and notifications alike. */
    void startDispatching() {
        dispatcher.start();
    }

    WebhookService service(Database database, InstantSource clock) {
        return new WebhookService(database, endpoints, deliveries, guard, dispatcher, ids, clock);
    }

    WebhookRoutes routes(WebhookService service, Database database, ReviewRepository reviews, InstantSource clock) {
        return new WebhookRoutes(
                service, ref -> database.read(h -> reviews.exists(h, ref.accountId(), ref.reviewId())), clock);
    }

    @Override
    public void close() {
        dispatcher.close();
        sender.close();
    }
}
