package dev.reviewgate.humanlayer;

import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.http.RequestBodies;
import dev.reviewgate.http.Responses;
import dev.reviewgate.humanlayer.HumanLayerCalls.Kind;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewCreation;
import dev.reviewgate.review.ReviewReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /humanlayer/v1}: the routes HumanLayer's SDKs call, so that
 * {@code HUMANLAYER_API_BASE=<publicUrl>/humanlayer/v1} points them here. The same API keys apply.
 */
public final class HumanLayerRoutes {

    private static final String BASE = "/humanlayer/v1";

    private final HumanLayerCalls calls;
    private final ApiKeyAuthenticator auth;

    public HumanLayerRoutes(
            ApiKeyAuthenticator auth, ReviewCreation creation, ReviewCommands commands, ReviewReader reader) {
        this.auth = auth;
        this.calls = new HumanLayerCalls(creation, commands, reader);
    }

    public void routes(RoutesConfig r) {
        r.before(BASE + "/*", auth::authenticate);
        r.post(BASE + "/function_calls", ctx -> create(ctx, Kind.FUNCTION_CALL));
        r.get(BASE + "/function_calls/{callId}", ctx -> get(ctx, Kind.FUNCTION_CALL));
        r.post(BASE + "/agent/function_calls/{callId}/respond", this::respondToCall);
        r.post(BASE + "/contact_requests", ctx -> create(ctx, Kind.HUMAN_CONTACT));
        r.get(BASE + "/contact_requests/{callId}", ctx -> get(ctx, Kind.HUMAN_CONTACT));
        r.post(BASE + "/agent/human_contacts/{callId}/respond", this::respondToContact);
    }

    private void create(Context ctx, Kind kind) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        Responses.json(ctx, 200, HumanLayerCalls.toJson(kind, calls.create(p, kind, RequestBodies.json(ctx))));
    }

    private void get(Context ctx, Kind kind) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        Responses.json(ctx, 200, HumanLayerCalls.toJson(kind, calls.get(p, kind, ctx.pathParam("callId"))));
    }

    private void respondToCall(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        Responses.json(
                ctx,
                200,
                HumanLayerCalls.toJson(
                        Kind.FUNCTION_CALL, calls.respondToCall(p, ctx.pathParam("callId"), RequestBodies.json(ctx))));
    }

    private void respondToContact(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        Responses.json(
                ctx,
                200,
                HumanLayerCalls.toJson(
                        Kind.HUMAN_CONTACT,
                        calls.respondToContact(p, ctx.pathParam("callId"), RequestBodies.json(ctx))));
    }
}
