package dev.reviewgate.ui;

import dev.reviewgate.error.Problem;
import dev.reviewgate.ui.admin.AdminRoutes;
import dev.reviewgate.ui.admin.GroupsAdminRoutes;
import dev.reviewgate.ui.admin.WebhooksAdminRoutes;
import dev.reviewgate.ui.inbox.BulkRoutes;
import dev.reviewgate.ui.inbox.InboxRoutes;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.review.ClaimRoutes;
import dev.reviewgate.ui.review.HistoryRoutes;
import dev.reviewgate.ui.review.ReviewPageRoutes;
import dev.reviewgate.ui.session.SessionRoutes;
import dev.reviewgate.ui.session.WebSessions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The reviewer's web app: its pages, the sign-in guard in front of them, and HTML error pages.
 * Everything under {@code /v1} stays the JSON API; everything here is server-rendered HTML.
 */
public final class WebApp {

    private static final String[] SIGNED_IN = {"/inbox", "/inbox/*", "/reviews/*", "/markdown/*", "/settings/*"};

    private final WebSessions sessions;
    private final Pages pages;
    private final SessionRoutes sessionRoutes;
    private final InboxRoutes inbox;
    private final ReviewPageRoutes reviewPages;
    private final HistoryRoutes history;
    private final AdminRoutes admin;
    private final WebhooksAdminRoutes webhooksAdmin;
    private final GroupsAdminRoutes groupsAdmin;
    private final ClaimRoutes claims;
    private final BulkRoutes bulk;

    public WebApp(
            WebSessions sessions,
            Pages pages,
            SessionRoutes sessionRoutes,
            InboxRoutes inbox,
            ReviewPageRoutes reviewPages,
            HistoryRoutes history,
            AdminRoutes admin,
            WebhooksAdminRoutes webhooksAdmin,
            GroupsAdminRoutes groupsAdmin,
            ClaimRoutes claims,
            BulkRoutes bulk) {
        this.sessions = sessions;
        this.pages = pages;
        this.sessionRoutes = sessionRoutes;
        this.inbox = inbox;
        this.reviewPages = reviewPages;
        this.history = history;
        this.admin = admin;
        this.webhooksAdmin = webhooksAdmin;
        this.groupsAdmin = groupsAdmin;
        this.claims = claims;
        this.bulk = bulk;
    }

    public void routes(RoutesConfig r) {
        for (String path : SIGNED_IN) {
            r.before(path, sessions::requireUser);
        }
        r.before("/admin/*", this::requireAdmin);
        sessionRoutes.routes(r);
        inbox.routes(r);
        reviewPages.routes(r);
        history.routes(r);
        admin.routes(r);
        webhooksAdmin.routes(r);
        groupsAdmin.routes(r);
        claims.routes(r);
        bulk.routes(r);
    }

    /** True for requests the web app answers (so errors become an HTML page, not problem+json). */
    public static boolean isPage(Context ctx) {
        String path = ctx.path();
        String accept = ctx.header("Accept");
        boolean api = path.startsWith("/v1/")
                || path.equals("/v1")
                || path.startsWith("/gotohuman/")
                || path.startsWith("/humanlayer/")
                || path.equals("/healthz")
                || path.equals("/readyz")
                || path.equals("/metrics")
                || path.equals("/openapi.json");
        return !api && (accept == null || accept.contains("text/html") || ctx.header("HX-Request") != null);
    }

    /** An error page for people; the API keeps problem+json. */
    public void renderError(Context ctx, Problem problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", sessions.current(ctx).orElse(null));
        model.put("status", problem.status());
        model.put("title", problem.title());
        model.put("detail", problem.detail());
        pages.render(ctx, problem.status(), "error.jte", model);
    }

    private void requireAdmin(Context ctx) {
        sessions.requireUser(ctx);
        if (sessions.current(ctx).isPresent()) {
            AdminRoutes.requireAdmin(ctx);
        }
    }
}
