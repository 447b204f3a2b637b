package dev.reviewgate.ui.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.FormNotify;
import dev.reviewgate.group.GroupService;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.KeysetPage;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups for admins: list, create with members by e-mail, change name and members, delete. The
 * forms are turned into the same JSON that {@code /v1/groups} takes, so both check it one way.
 */
public final class GroupsAdminRoutes {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    private final GroupService groups;
    private final Pages pages;

    public GroupsAdminRoutes(GroupService groups, Pages pages) {
        this.groups = groups;
        this.pages = pages;
    }

    /** What the "add a group" form held, shown again after a refusal (never the Teams URL: it is a credential). */
    public record Draft(String id, String name, String members, String slackChannel) {
        static final Draft EMPTY = new Draft("", "", "", "");
    }

    public void routes(RoutesConfig r) {
        r.get("/admin/groups", ctx -> showGroups(ctx, 200, "", List.of(), Draft.EMPTY));
        r.post("/admin/groups", this::processCreateGroup);
        r.post("/admin/groups/{groupId}", this::processUpdateGroup);
        r.post("/admin/groups/{groupId}/delete", this::processDeleteGroup);
    }

    private void showGroups(Context ctx, int status, String message, List<String> errors, Draft draft) {
        WebUser user = WebSessions.user(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("user", user);
        model.put(
                "groups",
                groups.list(user.accountId(), new KeysetPage(KeysetPage.MAX_LIMIT, null))
                        .rows());
        model.put("message", message);
        model.put("failed", status != 200);
        model.put("errors", errors);
        model.put("draft", draft);
        pages.render(ctx, status, "admin/groups.jte", model);
    }

    private void processCreateGroup(Context ctx) {
        Draft draft =
                new Draft(field(ctx, "id"), field(ctx, "name"), field(ctx, "members"), field(ctx, "slackChannel"));
        ObjectNode body = body(ctx, draft.name(), draft.members(), false).put("id", draft.id());
        try {
            var created = groups.create(WebSessions.user(ctx).accountId(), body);
            showGroups(ctx, 200, "Created group " + created.id() + ".", List.of(), Draft.EMPTY);
        } catch (Problem p) {
            refused(ctx, p, draft);
        }
    }

    private void processUpdateGroup(Context ctx) {
        String groupId = ctx.pathParam("groupId");
        try {
            groups.replace(
                    WebSessions.user(ctx).accountId(),
                    groupId,
                    body(ctx, field(ctx, "name"), field(ctx, "members"), true));
        } catch (Problem p) {
            refused(ctx, p, Draft.EMPTY);
            return;
        }
        ctx.redirect("/admin/groups", HttpStatus.SEE_OTHER);
    }

    private void processDeleteGroup(Context ctx) {
        groups.delete(WebSessions.user(ctx).accountId(), ctx.pathParam("groupId"));
        ctx.redirect("/admin/groups", HttpStatus.SEE_OTHER);
    }

    /** A 404 stays an error page; a 409 or 422 shows the list again with what was wrong. */
    private void refused(Context ctx, Problem p, Draft draft) {
        if (p.status() != 409 && p.status() != 422) {
            throw p;
        }
        List<String> errors =
                p.errors().stream().map(GroupsAdminRoutes::describe).toList();
        showGroups(ctx, p.status(), p.errors().isEmpty() ? p.detail() : "The group was not saved.", errors, draft);
    }

    /** "members: no user …" rather than a JSON Pointer, which means nothing on a form. */
    private static String describe(Violation v) {
        String pointer = v.pointer();
        if (pointer.isEmpty()) {
            return v.message();
        }
        int end = pointer.indexOf('/', 1);
        return pointer.substring(1, end < 0 ? pointer.length() : end) + ": " + v.message();
    }

    /**
     * Members are typed one per line, or separated by commas or spaces. The Teams URL box is always
     * empty: left empty on an edit it keeps the saved URL, unless "remove" is ticked.
     */
    private static ObjectNode body(Context ctx, String name, String members, boolean edit) {
        ObjectNode body = Json.object().put("name", name);
        ArrayNode list = body.putArray("members");
        SEPARATORS.splitAsStream(members).filter(m -> !m.isEmpty()).forEach(list::add);
        String slack = field(ctx, "slackChannel");
        if (!slack.isEmpty()) {
            body.put("slackChannel", slack);
        }
        String teams = field(ctx, "teamsWebhookUrl");
        if (!teams.isEmpty()) {
            body.put("teamsWebhookUrl", teams);
        } else if (edit && "saved".equals(ctx.formParam("teamsSaved")) && !"on".equals(ctx.formParam("removeTeams"))) {
            body.put("teamsWebhookUrl", FormNotify.SAVED);
        }
        return body;
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.trim();
    }
}
