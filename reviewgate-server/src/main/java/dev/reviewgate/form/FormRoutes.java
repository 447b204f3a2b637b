package dev.reviewgate.form;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.RequestBodies;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** {@code /v1/forms}: review templates. */
public final class FormRoutes {

    private static final int MAX_PAGE = 200;

    private final FormService forms;

    public FormRoutes(FormService forms) {
        this.forms = forms;
    }

    public void routes(RoutesConfig r) {
        r.post("/v1/forms", this::createForm);
        r.get("/v1/forms", this::listForms);
        r.get("/v1/forms/{formId}", this::getForm);
        r.put("/v1/forms/{formId}", this::reviseForm);
        r.get("/v1/forms/{formId}/revisions/{revision}", this::getFormRevision);
    }

    private void createForm(Context ctx) {
        String account = ApiKeyAuthenticator.principal(ctx).accountId();
        Responses.json(ctx, 201, FormService.toJson(forms.create(account, RequestBodies.json(ctx))));
    }

    private void reviseForm(Context ctx) {
        String account = ApiKeyAuthenticator.principal(ctx).accountId();
        FormRepository.StoredForm stored = forms.put(account, ctx.pathParam("formId"), RequestBodies.json(ctx));
        Responses.json(ctx, stored.revision() == 1 ? 201 : 200, FormService.toJson(stored));
    }

    private void getForm(Context ctx) {
        String account = ApiKeyAuthenticator.principal(ctx).accountId();
        Responses.json(ctx, 200, FormService.toJson(forms.get(account, ctx.pathParam("formId"), null)));
    }

    private void getFormRevision(Context ctx) {
        String account = ApiKeyAuthenticator.principal(ctx).accountId();
        int revision;
        try {
            revision = Integer.parseInt(ctx.pathParam("revision"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("No revision " + ctx.pathParam("revision"));
        }
        Responses.json(ctx, 200, FormService.toJson(forms.get(account, ctx.pathParam("formId"), revision)));
    }

    private void listForms(Context ctx) {
        String account = ApiKeyAuthenticator.principal(ctx).accountId();
        int limit = MAX_PAGE;
        List<FormRepository.StoredForm> page = forms.list(account, ctx.queryParam("cursor"), limit + 1);
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("data");
        page.stream().limit(limit).forEach(f -> data.add(FormService.toJson(f)));
        out.put(
                "nextCursor",
                page.size() > limit ? page.get(limit - 1).definition().id() : null);
        Responses.json(ctx, 200, out);
    }
}
