package dev.reviewgate.ui.admin;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditEntry;
import dev.reviewgate.audit.AuditParams;
import dev.reviewgate.audit.AuditQuery;
import dev.reviewgate.audit.NdjsonExport;
import dev.reviewgate.db.Database;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log for admins: a page of entries with filters (time range, action, review), the same
 * selection as an NDJSON download, and a check of the hash chain. Nothing here changes an entry.
 */
public final class AuditAdminRoutes {

    static final long PAGE = 100;

    private final Database database;
    private final Pages pages;

    public AuditAdminRoutes(Database database, Pages pages) {
        this.database = database;
        this.pages = pages;
    }

    /** One entry as the page shows it. */
    public record Row(long seq, String time, String action, String actor, String via, String client, String details) {}

    public void routes(RoutesConfig r) {
        r.get("/admin/audit", ctx -> showEntries(ctx, null));
        r.get("/admin/audit/verify", this::showVerification);
        r.get("/admin/audit/export", this::exportEntries);
    }

    private void showEntries(Context ctx, Audit.Verification verification) {
        WebUser user = WebSessions.user(ctx);
        AuditQuery query =
                AuditParams.parse(AuditParams.PAGE, ctx.queryParamMap().keySet(), ctx::queryParam, PAGE + 1);
        List<AuditEntry> entries = new ArrayList<>();
        Audit.each(database, user.accountId(), query, entries::add);
        boolean more = entries.size() > PAGE;
        List<Row> rows = entries.stream().limit(PAGE).map(AuditAdminRoutes::row).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        model.put("rows", rows);
        model.put("filters", filters(ctx));
        model.put(
                "next",
                more ? "/admin/audit?" + query(ctx, rows.get(rows.size() - 1).seq()) : "");
        model.put("export", "/admin/audit/export?" + query(ctx, null));
        model.put("verification", verification == null ? "" : describe(verification));
        model.put("verified", verification != null && verification.ok());
        pages.render(ctx, "admin/audit.jte", model);
    }

    private void showVerification(Context ctx) {
        showEntries(ctx, Audit.verify(database, WebSessions.user(ctx).accountId()));
    }

    private void exportEntries(Context ctx) {
        AuditQuery query =
                AuditParams.parse(AuditParams.PAGE, ctx.queryParamMap().keySet(), ctx::queryParam, null);
        ctx.header("Content-Disposition", "attachment; filename=\"audit.ndjson\"");
        NdjsonExport.stream(ctx, database, WebSessions.user(ctx).accountId(), query);
    }

    private static String describe(Audit.Verification v) {
        return v.ok()
                ? "The chain of " + v.entries() + " entries verifies."
                : "The chain does not verify: entry " + v.firstBad() + " is the first whose hash does not recompute.";
    }

    private static Row row(AuditEntry e) {
        return new Row(
                e.seq(),
                Times.iso(e.time()),
                e.event().action(),
                e.event().actor().displayNameOrId() + " (" + e.event().actor().kind() + ")",
                e.origin().via() == null ? "" : e.origin().via().wire(),
                e.origin().clientAddress() == null ? "" : e.origin().clientAddress(),
                (e.event().reviewId() == null ? "" : "review " + e.event().reviewId() + " ")
                        + Json.write(e.event().details()));
    }

    /** The filter values as typed, to show them again in the form. */
    private static Map<String, String> filters(Context ctx) {
        Map<String, String> out = new HashMap<>();
        for (String name : List.of("since", "until", "action", "reviewId")) {
            String value = ctx.queryParam(name);
            out.put(name, value == null ? "" : value);
        }
        return out;
    }

    private static String query(Context ctx, Long cursor) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("since", "until", "action", "reviewId")) {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) {
                out.append(out.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (cursor != null) {
            out.append(out.isEmpty() ? "" : "&").append("cursor=").append(cursor);
        }
        return out.toString();
    }
}
