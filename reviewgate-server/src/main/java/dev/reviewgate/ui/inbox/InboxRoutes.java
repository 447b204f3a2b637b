package dev.reviewgate.ui.inbox;

import dev.reviewgate.db.Database;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.review.QueueQuery;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.routing.RoutingRepository;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reviewer's queue: open reviews oldest first (or by due time or priority), filters, keyset
 * pages, refreshed in place. Every filter goes through {@link QueueQuery}, as {@code GET /v1/reviews} does.
 */
public final class InboxRoutes {

    private static final List<String> STATUSES =
            List.of("open", "pending", "changes_requested", "approved", "rejected", "all");
    private static final List<String> SORTS = List.of("createdAt", "dueAt", "priority");

    private final ReviewReader reader;
    private final Database database;
    private final FormRepository forms;
    private final RoutingRepository routing;
    private final Pages pages;
    private final InstantSource clock;

    public InboxRoutes(
            ReviewReader reader,
            Database database,
            FormRepository forms,
            RoutingRepository routing,
            Pages pages,
            InstantSource clock) {
        this.reader = reader;
        this.database = database;
        this.forms = forms;
        this.routing = routing;
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
        model.put("sorts", SORTS);
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
        String askedSort = ctx.queryParam("sort");
        String sort = askedSort != null && SORTS.contains(askedSort) ? askedSort : "createdAt";
        String form = blankToNull(ctx.queryParam("form"));
        String workflow = blankToNull(ctx.queryParam("workflow"));
        boolean mine = "1".equals(ctx.queryParam("mine"));
        boolean claimed = "1".equals(ctx.queryParam("claimed"));
        boolean overdue = "1".equals(ctx.queryParam("overdue"));
        String cursor = blankToNull(ctx.queryParam("cursor"));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("sort", sort);
        if (form != null) {
            params.put("formId", form);
        }
        if (workflow != null) {
            params.put("workflowId", workflow);
        }
        if (claimed) {
            params.put("claimedBy", user.userId());
        }
        if (overdue) {
            params.put("overdue", "true");
        }
        if (cursor != null) {
            params.put("cursor", cursor);
        }
        long now = clock.millis();
        QueueQuery query = QueueQuery.parse(params, params::get, now);
        if (mine) {
            query = query.assignedToAnyOf(mineOrMyGroups(user));
        }
        ReviewReader.Page page = reader.list(user.accountId(), query);
        String filters = "status=" + enc(status) + "&sort=" + enc(sort) + (form == null ? "" : "&form=" + enc(form))
                + (workflow == null ? "" : "&workflow=" + enc(workflow)) + (mine ? "&mine=1" : "")
                + (claimed ? "&claimed=1" : "") + (overdue ? "&overdue=1" : "");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put(
                "rows",
                page.reviews().stream()
                        .map(r -> InboxRow.of(r, now, user.principal().actor()))
                        .toList());
        model.put("status", status);
        model.put("sort", sort);
        model.put("form", form == null ? "" : form);
        model.put("workflow", workflow == null ? "" : workflow);
        model.put("mine", mine);
        model.put("claimed", claimed);
        model.put("overdue", overdue);
        model.put("filters", filters);
        model.put("nextCursor", page.nextCursor() == null ? "" : page.nextCursor());
        model.put("firstPage", cursor == null);
        return model;
    }

    /** The reader's e-mail and the ids of their groups: "assigned to me or my groups". */
    private List<String> mineOrMyGroups(WebUser user) {
        List<String> keys = new ArrayList<>();
        keys.add(user.email());
        keys.addAll(database.read(h -> routing.groupsOf(h, user.accountId(), user.userId())).stream()
                .sorted()
                .toList());
        return keys;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
