package dev.reviewgate.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.RequestBodies;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.KeysetCursor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Predicate;

/** {@code /v1/webhooks}, {@code /v1/deliveries} and {@code /v1/signing-secret}. */
public final class WebhookRoutes {

    private static final int MAX_PAGE = 100;

    private final WebhookService webhooks;
    private final Predicate<ReviewRef> reviewExists;
    private final InstantSource clock;

    /** An account's review id, for the per-review log's 404. */
    public record ReviewRef(String accountId, String reviewId) {}

    public WebhookRoutes(WebhookService webhooks, Predicate<ReviewRef> reviewExists, InstantSource clock) {
        this.webhooks = webhooks;
        this.reviewExists = reviewExists;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.post("/v1/webhooks", this::createEndpoint);
        r.get("/v1/webhooks", this::listEndpoints);
        r.get("/v1/webhooks/{webhookId}", this::getEndpoint);
        r.delete("/v1/webhooks/{webhookId}", this::deleteEndpoint);
        r.post("/v1/webhooks/{webhookId}/rotate-secret", this::rotateEndpointSecret);
        r.get("/v1/webhooks/{webhookId}/deliveries", this::listEndpointDeliveries);
        r.get("/v1/reviews/{reviewId}/deliveries", this::listReviewDeliveries);
        r.get("/v1/deliveries/{deliveryId}", this::getDelivery);
        r.post("/v1/deliveries/{deliveryId}/redeliver", this::redeliver);
        r.get("/v1/signing-secret", this::getSigningSecret);
        r.post("/v1/signing-secret/rotate", this::rotateSigningSecret);
    }

    private void createEndpoint(Context ctx) {
        Endpoint e = webhooks.create(account(ctx), RequestBodies.json(ctx));
        Responses.json(ctx, 201, WebhookJson.endpoint(e, true));
    }

    private void listEndpoints(Context ctx) {
        ArrayNode data = Json.array();
        webhooks.list(account(ctx)).forEach(e -> data.add(WebhookJson.endpoint(e, false)));
        ObjectNode out = Json.object();
        out.set("data", data);
        Responses.json(ctx, 200, out);
    }

    private void getEndpoint(Context ctx) {
        Responses.json(ctx, 200, WebhookJson.endpoint(webhooks.get(account(ctx), ctx.pathParam("webhookId")), false));
    }

    private void deleteEndpoint(Context ctx) {
        webhooks.delete(account(ctx), ctx.pathParam("webhookId"));
        ctx.status(204);
    }

    private void rotateEndpointSecret(Context ctx) {
        Endpoint e = webhooks.rotateEndpointSecret(account(ctx), ctx.pathParam("webhookId"));
        Responses.json(ctx, 200, WebhookJson.endpoint(e, true));
    }

    private void listEndpointDeliveries(Context ctx) {
        String id = webhooks.get(account(ctx), ctx.pathParam("webhookId")).id();
        page(ctx, "endpoint_id", id);
    }

    private void listReviewDeliveries(Context ctx) {
        String reviewId = ctx.pathParam("reviewId");
        if (!reviewExists.test(new ReviewRef(account(ctx), reviewId))) {
            throw Problem.notFound("No review " + reviewId);
        }
        page(ctx, "review_id", reviewId);
    }

    private void getDelivery(Context ctx) {
        Responses.json(ctx, 200, WebhookJson.delivery(webhooks.delivery(account(ctx), ctx.pathParam("deliveryId"))));
    }

    private void redeliver(Context ctx) {
        Responses.json(ctx, 202, WebhookJson.delivery(webhooks.redeliver(account(ctx), ctx.pathParam("deliveryId"))));
    }

    private void getSigningSecret(Context ctx) {
        Responses.json(ctx, 200, WebhookJson.secret(webhooks.signingSecret(account(ctx)), clock.millis()));
    }

    private void rotateSigningSecret(Context ctx) {
        Responses.json(ctx, 200, WebhookJson.secret(webhooks.rotateSigningSecret(account(ctx)), clock.millis()));
    }

    /** Newest first; the cursor is the (createdAt, id) of the last row shown. */
    private void page(Context ctx, String column, String value) {
        int limit = MAX_PAGE;
        KeysetCursor before = KeysetCursor.decode(ctx.queryParam("cursor"));
        Long beforeCreated = before == null ? null : before.createdAt();
        String beforeId = before == null ? null : before.id();
        List<WebhookService.LoggedDelivery> rows =
                webhooks.log(account(ctx), column, value, beforeCreated, beforeId, limit + 1);
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("data");
        rows.stream().limit(limit).forEach(d -> data.add(WebhookJson.delivery(d)));
        String next = null;
        if (rows.size() > limit) {
            Delivery last = rows.get(limit - 1).delivery();
            next = new KeysetCursor(last.createdAt(), last.id()).encode();
        }
        out.put("nextCursor", next);
        Responses.json(ctx, 200, out);
    }

    private static String account(Context ctx) {
        return ApiKeyAuthenticator.principal(ctx).accountId();
    }
}
