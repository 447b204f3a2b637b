package dev.reviewgate.gotohuman;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.error.Problem;
import dev.reviewgate.form.Field;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.FormService;
import dev.reviewgate.form.SnapshotSchema;
import dev.reviewgate.http.RequestBodies;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.review.ReviewCreation;
import dev.reviewgate.review.ReviewJson;
import dev.reviewgate.review.ReviewRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code /gotohuman}: the routes gotoHuman's SDKs call, so that
 * {@code GOTOHUMAN_BASE_URL=<publicUrl>/gotohuman} points them here. A review request is the
 * body of {@code POST /v1/reviews} plus the SDKs' bookkeeping keys, which are accepted and ignored.
 */
public final class GotoHumanRoutes {

    private static final String BASE = "/gotohuman";
    private static final int MAX_FORMS = 500;

    /** Sent by the SDKs for gotoHuman's own bookkeeping; nothing here depends on them. */
    static final Set<String> BOOKKEEPING =
            Set.of("millis", "origin", "originV", "agentId", "sessionId", "config", "autoApprove", "workflow");

    private final ApiKeyAuthenticator auth;
    private final ReviewCreation creation;
    private final FormService forms;
    private final String publicUrl;

    public GotoHumanRoutes(ApiKeyAuthenticator auth, ReviewCreation creation, FormService forms, String publicUrl) {
        this.auth = auth;
        this.creation = creation;
        this.forms = forms;
        this.publicUrl = publicUrl;
    }

    public void routes(RoutesConfig r) {
        r.before(BASE + "/*", auth::authenticate);
        r.post(BASE + "/requestReview", this::requestReview);
        r.get(BASE + "/fetchReviewForms", this::fetchReviewForms);
        r.get(BASE + "/fetchSchemaForFormFields", this::fetchSchemaForFormFields);
    }

    private void requestReview(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        JsonNode body = RequestBodies.json(ctx);
        if (body.isObject()) {
            ((ObjectNode) body).remove(BOOKKEEPING);
        }
        ReviewCreation.Result result = creation.submit(p, ReviewRequests.Create.parse(body, p));
        String reviewId = result.review().id();
        Responses.json(
                ctx, 200, Json.object().put("reviewId", reviewId).put("gthLink", ReviewJson.link(publicUrl, reviewId)));
    }

    private void fetchReviewForms(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        ArrayNode out = Json.array();
        for (FormRepository.StoredForm form : forms.list(p.accountId(), null, MAX_FORMS)) {
            ObjectNode entry = out.addObject()
                    .put("id", form.definition().id())
                    .put("name", form.definition().name());
            ArrayNode fields = entry.putArray("fields");
            form.definition().fields().stream().map(Field::toJson).forEach(fields::add);
        }
        Responses.json(ctx, 200, out);
    }

    private void fetchSchemaForFormFields(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        String formId = ctx.queryParam("formId");
        if (formId == null || formId.isBlank()) {
            throw Problem.badRequest("formId is required");
        }
        Responses.json(
                ctx,
                200,
                SnapshotSchema.of(forms.get(p.accountId(), formId, null).definition()));
    }
}
