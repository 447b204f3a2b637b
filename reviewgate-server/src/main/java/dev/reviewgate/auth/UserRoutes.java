package dev.reviewgate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.http.RequestBodies;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.KeysetPage;
import dev.reviewgate.kernel.Times;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/users}: the people who sign in, managed by the service's API keys. A user added here
 * gets a random password that nobody is shown, so they cannot sign in with a password until an
 * admin gives them one.
 */
public final class UserRoutes {

    private static final int MAX_NAME_LENGTH = 200;

    private final Users users;

    public UserRoutes(Users users) {
        this.users = users;
    }

    public void routes(RoutesConfig r) {
        r.get("/v1/users", this::listUsers);
        r.post("/v1/users", this::createUser);
        r.patch("/v1/users/{userId}", this::updateUser);
    }

    private void listUsers(Context ctx) {
        KeysetPage request = KeysetPage.parse(ctx.queryParamMap().keySet(), ctx::queryParam);
        KeysetPage.Page<AccountRepository.User> page = users.list(account(ctx), request);
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("data");
        page.rows().forEach(u -> data.add(toJson(u)));
        out.put("nextCursor", page.nextCursor());
        Responses.json(ctx, 200, out);
    }

    private void createUser(Context ctx) {
        BodyReader r = BodyReader.of(RequestBodies.json(ctx), Set.of("email", "name", "role"));
        String email = r.requiredString("email", Users.MAX_EMAIL_LENGTH);
        String name = r.optionalString("name", MAX_NAME_LENGTH);
        String role = r.optionalString("role", 16);
        if (email != null && !Users.isEmail(email)) {
            r.add(List.of(new Violation("/email", "must be an e-mail address, e.g. dana@example.com")));
        }
        r.add(roleProblems(role));
        r.throwIfInvalid();
        String id = users.create(
                account(ctx),
                email,
                name == null ? email : name,
                role == null ? "reviewer" : role,
                Passwords.generate());
        Responses.json(ctx, 201, toJson(users.get(account(ctx), id)));
    }

    private void updateUser(Context ctx) {
        BodyReader r = BodyReader.of(RequestBodies.json(ctx), Set.of("role", "disabled"));
        String role = r.optionalString("role", 16);
        r.add(roleProblems(role));
        JsonNode disabled = r.present("disabled");
        if (disabled != null && !disabled.isBoolean()) {
            r.add(List.of(new Violation("/disabled", "must be true or false")));
        }
        r.throwIfInvalid();
        AccountRepository.User changed = users.update(
                account(ctx), ctx.pathParam("userId"), role, disabled == null ? null : disabled.booleanValue());
        Responses.json(ctx, 200, toJson(changed));
    }

    private static List<Violation> roleProblems(String role) {
        return role == null || Users.ROLES.contains(role)
                ? List.of()
                : List.of(new Violation("/role", "must be admin or reviewer"));
    }

    private static ObjectNode toJson(AccountRepository.User user) {
        return Json.object()
                .put("id", user.id())
                .put("email", user.email())
                .put("name", user.displayName())
                .put("role", user.role())
                .put("disabled", user.disabled())
                .put("createdAt", Times.iso(user.createdAt()));
    }

    private static String account(Context ctx) {
        return ApiKeyAuthenticator.principal(ctx).accountId();
    }
}
