package dev.reviewgate.ui.admin;

import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.kernel.KeysetCursor;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import dev.reviewgate.webhook.DeliveryChannel;
import dev.reviewgate.webhook.WebhookService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notification log for admins: e-mail, Slack and Teams deliveries, newest first, with where each
 * went, for whom, how it went, and a Redeliver button (the same redelivery as webhooks').
 */
public final class NotificationLogAdminRoutes {

    static final int PAGE = 50;

    private final Database database;
    private final WebhookService deliveries;
    private final Pages pages;
    private final NotificationLog log = new NotificationLog();

    public NotificationLogAdminRoutes(Database database, WebhookService deliveries, Pages pages) {
        this.database = database;
        this.deliveries = deliveries;
        this.pages = pages;
    }

    public void routes(RoutesConfig r) {
        r.get("/admin/notifications", this::show);
        r.post("/admin/notifications/{deliveryId}/redeliver", this::redeliver);
    }

    private void show(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        String channel = ctx.queryParam("channel");
        DeliveryChannel only = NotificationLog.CHANNELS.stream()
                .filter(c -> c.wire().equals(channel))
                .findFirst()
                .orElse(null);
        KeysetCursor before = KeysetCursor.decode(ctx.queryParam("cursor"));
        NotificationLog.Page page = database.read(h -> log.page(h, user.accountId(), only, before, PAGE));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("user", user);
        model.put("channel", only == null ? "" : only.wire());
        model.put("rows", page.rows());
        model.put(
                "next",
                page.nextCursor() == null
                        ? ""
                        : "/admin/notifications?cursor=" + page.nextCursor()
                                + (only == null ? "" : "&channel=" + only.wire()));
        String redelivered = ctx.queryParam("redelivered");
        model.put("redelivered", redelivered != null && Ids.isWellFormed(redelivered) ? redelivered : "");
        pages.render(ctx, "admin/notifications.jte", model);
    }

    private void redeliver(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        var delivery = deliveries.redeliverNotification(user.accountId(), ctx.pathParam("deliveryId"));
        ctx.redirect("/admin/notifications?redelivered=" + delivery.delivery().id(), HttpStatus.SEE_OTHER);
    }
}
