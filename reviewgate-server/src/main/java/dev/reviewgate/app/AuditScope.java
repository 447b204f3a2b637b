package dev.reviewgate.app;

import dev.reviewgate.audit.Origin;
import dev.reviewgate.audit.RequestScope;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Opens the audit log's {@link RequestScope} for every request: {@code /v1} is the {@code api}
 * channel acting as its API key, the web app the {@code web} channel acting as the signed-in person.
 * The actor is read from what authentication already put on the request, never from the database:
 * it is asked for inside other transactions.
 */
final class AuditScope {

    private AuditScope() {}

    static void routes(RoutesConfig r) {
        r.before(AuditScope::open);
        r.after(ctx -> RequestScope.close());
    }

    private static void open(Context ctx) {
        boolean api = ctx.path().startsWith("/v1/");
        RequestScope.open(
                Origin.of(api ? Via.API : Via.WEB, ctx.ip(), ctx.userAgent()),
                () -> api
                        ? ApiKeyAuthenticator.authenticated(ctx).map(Principal::actor)
                        : WebSessions.signedIn(ctx).map(WebUser::principal).map(Principal::actor));
    }
}
