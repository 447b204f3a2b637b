package dev.reviewgate.ui.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.json.Json;
import dev.reviewgate.review.BulkDecisions;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox's "Approve selected" / "Reject selected": the rows' (reviewId, versionId) pairs as
 * they were shown, decided one by one through {@link BulkDecisions} as the signed-in reviewer.
 * A post that does not carry the confirmed count (the page's script asks "Approve 3 reviews?")
 * gets a confirmation page first, so nothing is decided unconfirmed, with or without script.
 */
public final class BulkRoutes {

    private final BulkDecisions bulk;
    private final ReviewReader reader;
    private final Pages pages;

    public BulkRoutes(BulkDecisions bulk, ReviewReader reader, Pages pages) {
        this.bulk = bulk;
        this.reader = reader;
        this.pages = pages;
    }

    public void routes(RoutesConfig r) {
        r.post("/inbox/decide", this::decide);
    }

    /** One line of the results page. */
    public record Result(String reviewId, String title, boolean ok, String text) {}

    private void decide(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        String action = ctx.formParam("action");
        List<String> selected = ctx.formParams("item");
        String reason = ctx.formParam("reason");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("user", user);
        model.put("action", "reject".equals(action) ? "reject" : "approve");
        model.put("items", selected);
        model.put("reason", reason == null ? "" : reason);
        BulkDecisions.Request request;
        try {
            request = BulkDecisions.Request.parse(body(action, selected, reason), user.principal());
        } catch (Problem p) {
            model.put("refusal", refusal(p));
            model.put("results", List.of());
            pages.render(ctx, p.status(), "bulkResults.jte", model);
            return;
        }
        if (!String.valueOf(request.items().size()).equals(ctx.formParam("confirmed"))) {
            pages.render(ctx, "bulkConfirm.jte", model);
            return;
        }
        JsonNode answer = bulk.run(user.principal(), request);
        model.put("refusal", "");
        model.put("results", results(user, answer, "reject".equals(action)));
        pages.render(ctx, "bulkResults.jte", model);
    }

    /** The form's fields as the API's body, so both paths share one parser and its limits. */
    private static ObjectNode body(String action, List<String> selected, String reason) {
        ObjectNode body = Json.object();
        body.put("action", action);
        ArrayNode items = body.putArray("items");
        for (String pair : selected) {
            int colon = pair.indexOf(':');
            ObjectNode item = items.addObject();
            if (colon > 0) {
                item.put("reviewId", pair.substring(0, colon)).put("versionId", pair.substring(colon + 1));
            }
        }
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.trim());
        }
        return body;
    }

    private List<Result> results(WebUser user, JsonNode answer, boolean reject) {
        List<Result> out = new ArrayList<>();
        for (JsonNode r : answer.get("results")) {
            String id = r.get("reviewId").asText();
            int status = r.get("status").asInt();
            String text = status == 200
                    ? switch (r.path("submissionStatus").asText()) {
                        case "recorded" -> "vote recorded (more approvals needed)";
                        case "already_applied" -> "already decided this way";
                        default -> reject ? "rejected" : "approved";
                    }
                    : status + ": " + r.path("error").asText();
            out.add(new Result(id, title(user, id), status == 200, text));
        }
        return out;
    }

    private String title(WebUser user, String reviewId) {
        try {
            var review = reader.get(user.accountId(), ReviewAddress.byId(reviewId));
            return review.title() != null ? review.title() : review.formName();
        } catch (Problem p) {
            return reviewId;
        }
    }

    private static String refusal(Problem p) {
        StringBuilder text = new StringBuilder("Nothing was decided: ").append(p.detail());
        p.errors()
                .forEach(v -> text.append(" ")
                        .append(v.pointer())
                        .append(" ")
                        .append(v.message())
                        .append("."));
        return text.toString();
    }
}
