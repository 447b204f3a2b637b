package dev.reviewgate.ui.admin;

import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import dev.reviewgate.webhook.WebhookService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** Webhook endpoints with their delivery log, and redelivery, for admins. */
public final class WebhooksAdminRoutes {

    private final WebhookService webhooks;
    private final Pages pages;

    public WebhooksAdminRoutes(WebhookService webhooks, Pages pages) {
        this.webhooks = webhooks;
        this.pages = pages;
    }

    public void routes(RoutesConfig r) {
        r.get("/admin/webhooks", this::showEndpoints);
        r.get("/admin/webhooks/{webhookId}", this::showDeliveries);
        r.post("/admin/deliveries/{deliveryId}/redeliver", this::processRedeliver);
    }

    private void showEndpoints(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        pages.render(ctx, "admin/webhooks.jte", Map.of("user", user, "endpoints", webhooks.list(user.accountId())));
    }

    private void showDeliveries(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        var endpoint = webhooks.get(user.accountId(), ctx.pathParam("webhookId"));
        pages.render(
                ctx,
                "admin/deliveries.jte",
                Map.of(
                        "user",
                        user,
                        "endpoint",
                        endpoint,
                        "deliveries",
                        webhooks.log(user.accountId(), "endpoint_id", endpoint.id(), null, null, 100)));
    }

    private void processRedeliver(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        var delivery = webhooks.redeliver(user.accountId(), ctx.pathParam("deliveryId"));
        String back = delivery.delivery().endpointId() == null
                ? "/admin/webhooks"
                : "/admin/webhooks/" + delivery.delivery().endpointId();
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }
}
