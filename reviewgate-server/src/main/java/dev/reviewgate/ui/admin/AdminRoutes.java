package dev.reviewgate.ui.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.auth.Users;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.FormService;
import dev.reviewgate.json.Json;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Forms, users and API keys for admins. Webhooks have their own page ({@link WebhooksAdminRoutes}). */
public final class AdminRoutes {

    private final FormService forms;
    private final Database database;
    private final AccountRepository accounts;
    private final ApiKeyAuthenticator keys;
    private final Bootstrap access;
    private final Users users;
    private final Pages pages;
    private final InstantSource clock;

    public AdminRoutes(
            FormService forms,
            Database database,
            AccountRepository accounts,
            ApiKeyAuthenticator keys,
            Bootstrap access,
            Users users,
            Pages pages,
            InstantSource clock) {
        this.forms = forms;
        this.database = database;
        this.accounts = accounts;
        this.keys = keys;
        this.access = access;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get("/admin/forms", ctx -> showForms(ctx, "", "", List.of()));
        r.post("/admin/forms", this::processCreateForm);
        r.get("/admin/forms/{formId}", this::showForm);
        r.get("/admin/users", ctx -> showUsers(ctx, ""));
        r.post("/admin/users", this::processCreateUser);
        r.post("/admin/users/{userId}", this::processUpdateUser);
        r.get("/admin/api-keys", ctx -> showKeys(ctx, ""));
        r.post("/admin/api-keys", this::processCreateKey);
        r.post("/admin/api-keys/{keyId}/revoke", this::processRevokeKey);
    }

    /** Before every admin page: reviewers get a 403. */
    public static void requireAdmin(Context ctx) {
        if (!WebSessions.user(ctx).isAdmin()) {
            throw Problem.forbidden("Only admins can open this page.");
        }
    }

    private void showForms(Context ctx, String draft, String message, List<Violation> errors) {
        WebUser user = WebSessions.user(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("user", user);
        model.put(
                "forms",
                forms.list(user.accountId(), null, 200).stream()
                        .map(f -> new FormRow(
                                f.definition().id(),
                                f.definition().name(),
                                f.revision(),
                                f.definition().blockType() == null
                                        ? f.definition().fields().size() + " fields"
                                        : f.definition().blockType()))
                        .toList());
        model.put("draft", draft);
        model.put("message", message);
        model.put(
                "errors",
                errors.stream()
                        .map(v -> (v.pointer().isEmpty() ? "" : v.pointer() + ": ") + v.message())
                        .toList());
        pages.render(ctx, errors.isEmpty() ? 200 : 422, "admin/forms.jte", model);
    }

    private void processCreateForm(Context ctx) {
        String draft = ctx.formParam("definition") == null ? "" : ctx.formParam("definition");
        try {
            JsonNode body = Json.parseBody(draft.getBytes(StandardCharsets.UTF_8));
            var created = forms.create(WebSessions.user(ctx).accountId(), body);
            ctx.redirect("/admin/forms/" + created.definition().id(), HttpStatus.SEE_OTHER);
        } catch (Problem p) {
            showForms(
                    ctx, draft, p.detail(), p.errors().isEmpty() ? List.of(new Violation("", p.detail())) : p.errors());
        }
    }

    private void showForm(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        var stored = forms.get(user.accountId(), ctx.pathParam("formId"), null);
        pages.render(
                ctx,
                "admin/form.jte",
                Map.of(
                        "user",
                        user,
                        "id",
                        stored.definition().id(),
                        "name",
                        stored.definition().name(),
                        "revision",
                        stored.revision(),
                        "json",
                        Json.pretty(FormService.toJson(stored))));
    }

    private void showUsers(Context ctx, String message) {
        showUsers(ctx, 200, message);
    }

    private void showUsers(Context ctx, int status, String message) {
        WebUser user = WebSessions.user(ctx);
        pages.render(
                ctx,
                status,
                "admin/users.jte",
                Map.of(
                        "user",
                        user,
                        "message",
                        message,
                        "users",
                        database.read(h -> accounts.users(h, user.accountId()))));
    }

    private void processCreateUser(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        String email = trim(ctx.formParam("email"));
        String name = trim(ctx.formParam("name"));
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String role = "admin".equals(ctx.formParam("role")) ? "admin" : "reviewer";
        if (!email.contains("@") || password.length() < 12) {
            showUsers(ctx, 422, "Give an e-mail address and a password of at least 12 characters.");
            return;
        }
        try {
            users.create(user.accountId(), email, name.isEmpty() ? email : name, role, password);
            showUsers(ctx, "Created " + role + " " + email + ".");
        } catch (Problem p) {
            showUsers(ctx, p.status(), p.detail());
        }
    }

    private void processUpdateUser(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        String userId = ctx.pathParam("userId");
        if (userId.equals(user.userId())) {
            showUsers(ctx, "You cannot change your own role or disable yourself.");
            return;
        }
        String role = "admin".equals(ctx.formParam("role")) ? "admin" : "reviewer";
        boolean disabled = "true".equals(ctx.formParam("disabled"));
        try {
            users.update(user.accountId(), userId, role, disabled);
        } catch (Problem p) {
            if (p.status() != 409) {
                throw p;
            }
            showUsers(ctx, 409, p.detail());
            return;
        }
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }

    private void showKeys(Context ctx, String newKey) {
        WebUser user = WebSessions.user(ctx);
        pages.render(
                ctx,
                "admin/apiKeys.jte",
                Map.of(
                        "user",
                        user,
                        "newKey",
                        newKey,
                        "keys",
                        database.read(h -> accounts.apiKeys(h, user.accountId()))));
    }

    private void processCreateKey(Context ctx) {
        String name = trim(ctx.formParam("name"));
        showKeys(ctx, access.createApiKey(WebSessions.user(ctx).accountId(), name.isEmpty() ? "unnamed" : name));
    }

    private void processRevokeKey(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        if (!keys.revoke(user.accountId(), ctx.pathParam("keyId"), clock.millis())) {
            throw Problem.notFound("No active API key " + ctx.pathParam("keyId"));
        }
        ctx.redirect("/admin/api-keys", HttpStatus.SEE_OTHER);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    /** A form in the admin list. */
    public record FormRow(String id, String name, int revision, String shape) {}
}
