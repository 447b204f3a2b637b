package dev.reviewgate.ui.inbox;

import dev.reviewgate.db.Database;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.review.QueueQuery;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reviewer's queue: open reviews oldest first, filters, keyset pages, refreshed in place. */
public final class InboxRoutes {

    private static final List<String> STATUSES =
            List.of("open", "pending", "changes_requested", "approved", "rejected", "all");

    private final ReviewReader reader;
    private final Database database;
    private final FormRepository forms;
    private final Pages pages;
    private final InstantSource clock;

    public InboxRoutes(ReviewReader reader, Database database, FormRepository forms, Pages pages, InstantSource clock) {
        this.reader = reader;
        this.database = database;
        this.forms = forms;
        this.pages = pages;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get("/", ctx -> ctx.redirect("/inbox"));
        r.get("/inbox", this::showInbox);
        r.get("/inbox/rows", this::showInboxRows);
    }

    private void showInbox(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Map<String, Object> model = model(ctx, user);
        model.put("user", user);
        model.put("statuses", STATUSES);
        model.put(
                "forms",
                database.read(h -> forms.list(h, user.accountId(), null, 200)).stream()
                        .map(f -> f.definition().id())
                        .toList());
        pages.render(ctx, "inbox.jte", model);
    }

    private void showInboxRows(Context ctx) {
        pages.render(ctx, "inboxRows.jte", model(ctx, WebSessions.user(ctx)));
    }

    private Map<String, Object> model(Context ctx, WebUser user) {
        String asked = ctx.queryParam("status");
        String status = asked != null && STATUSES.contains(asked) ? asked : "open";
        String form = blankToNull(ctx.queryParam("form"));
        String workflow = blankToNull(ctx.queryParam("workflow"));
        boolean mine = "1".equals(ctx.queryParam("mine"));
        String cursor = blankToNull(ctx.queryParam("cursor"));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        if (form != null) {
            params.put("formId", form);
        }
        if (workflow != null) {
            params.put("workflowId", workflow);
        }
        if (mine) {
            params.put("assignee", user.email());
        }
        if (cursor != null) {
            params.put("cursor", cursor);
        }
        ReviewReader.Page page = reader.list(user.accountId(), QueueQuery.parse(params, params::get, clock.millis()));
        long now = clock.millis();
        String filters = "status=" + enc(status) + (form == null ? "" : "&form=" + enc(form))
                + (workflow == null ? "" : "&workflow=" + enc(workflow)) + (mine ? "&mine=1" : "");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", page.reviews().stream().map(r -> InboxRow.of(r, now)).toList());
        model.put("status", status);
        model.put("form", form == null ? "" : form);
        model.put("workflow", workflow == null ? "" : workflow);
        model.put("mine", mine);
        model.put("filters", filters);
        model.put("nextCursor", page.nextCursor() == null ? "" : page.nextCursor());
        model.put("firstPage", cursor == null);
        return model;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
