package dev.reviewgate.group;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.form.FormNotify;
import dev.reviewgate.http.RequestBodies;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.KeysetPage;
import dev.reviewgate.kernel.Times;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v1/groups}: named sets of users to route reviews to. */
public final class GroupRoutes {

    private final GroupService groups;

    public GroupRoutes(GroupService groups) {
        this.groups = groups;
    }

    public void routes(RoutesConfig r) {
        r.get("/v1/groups", this::listGroups);
        r.post("/v1/groups", this::createGroup);
        r.get("/v1/groups/{groupId}", this::getGroup);
        r.put("/v1/groups/{groupId}", this::replaceGroup);
        r.delete("/v1/groups/{groupId}", this::deleteGroup);
    }

    private void listGroups(Context ctx) {
        KeysetPage request = KeysetPage.parse(ctx.queryParamMap().keySet(), ctx::queryParam);
        KeysetPage.Page<Group> page = groups.list(account(ctx), request);
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("data");
        page.rows().forEach(g -> data.add(toJson(g)));
        out.put("nextCursor", page.nextCursor());
        Responses.json(ctx, 200, out);
    }

    private void createGroup(Context ctx) {
        Responses.json(ctx, 201, toJson(groups.create(account(ctx), RequestBodies.json(ctx))));
    }

    private void getGroup(Context ctx) {
        Responses.json(ctx, 200, toJson(groups.get(account(ctx), ctx.pathParam("groupId"))));
    }

    private void replaceGroup(Context ctx) {
        Responses.json(
                ctx, 200, toJson(groups.replace(account(ctx), ctx.pathParam("groupId"), RequestBodies.json(ctx))));
    }

    private void deleteGroup(Context ctx) {
        groups.delete(account(ctx), ctx.pathParam("groupId"));
        ctx.status(204);
    }

    static ObjectNode toJson(Group group) {
        ObjectNode out = Json.object().put("id", group.id()).put("name", group.name());
        ArrayNode members = out.putArray("members");
        group.members().forEach(members::add);
        if (group.slackChannel() != null) {
            out.put("slackChannel", group.slackChannel());
        }
        if (group.teamsWebhook()) {
            // A credential: whether one is saved, never the URL.
            out.put("teamsWebhookUrl", FormNotify.SAVED);
        }
        return out.put("createdAt", Times.iso(group.createdAt())).put("updatedAt", Times.iso(group.updatedAt()));
    }

    private static String account(Context ctx) {
        return ApiKeyAuthenticator.principal(ctx).accountId();
    }
}
