package dev.reviewgate.ui.session;

import dev.reviewgate.oidc.OidcRefusal;
import dev.reviewgate.oidc.OidcSignIn;
import dev.reviewgate.ui.page.Pages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Single sign-on: {@code /login/oidc} sends the browser to the identity provider, and the provider
 * sends it back to {@code /login/oidc/callback}, where a verified ID token opens a session. Anything
 * else gets a page that says what was refused and offers to start again.
 */
public final class OidcRoutes {

    static final String COOKIE = "rg_oidc";

    private final OidcSignIn signIn;
    private final WebSessions sessions;
    private final Pages pages;
    private final boolean secureCookies;

    public OidcRoutes(OidcSignIn signIn, WebSessions sessions, Pages pages, String publicUrl) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.pages = pages;
        this.secureCookies = publicUrl.startsWith("https://");
    }

    public void routes(RoutesConfig r) {
        r.get("/login/oidc", this::startSignIn);
        r.get("/login/oidc/callback", this::finishSignIn);
    }

    private void startSignIn(Context ctx) {
        OidcSignIn.Started started;
        try {
            started = signIn.start(SessionRoutes.safeNext(ctx.queryParam("next")));
        } catch (OidcRefusal unavailable) {
            refused(ctx, 503, "Single sign-on is unavailable", unavailable.getMessage());
            return;
        }
        ctx.header("Set-Cookie", cookie(started.browserToken(), OidcSignIn.PENDING.toSeconds()));
        ctx.redirect(started.redirect().toString());
    }

    private void finishSignIn(Context ctx) {
        // Lax: the provider's redirect is a top-level navigation from its site, which Lax cookies go along with.
        ctx.header("Set-Cookie", cookie("", 0));
        OidcSignIn.Finished finished;
        try {
            finished = signIn.finish(new OidcSignIn.Callback(
                    ctx.queryParam("state"), ctx.queryParam("code"), ctx.queryParam("error"), ctx.cookie(COOKIE)));
        } catch (OidcRefusal refusal) {
            refused(ctx, 400, "Sign-in refused", refusal.getMessage());
            return;
        }
        sessions.open(ctx, finished.user(), "oidc");
        ctx.redirect(finished.next());
    }

    private void refused(Context ctx, int status, String title, String detail) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("title", title);
        model.put("detail", detail);
        model.put("retry", "/login");
        pages.render(ctx, status, "signInRefused.jte", model);
    }

    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/login/oidc; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secureCookies ? "; Secure" : "");
    }
}
