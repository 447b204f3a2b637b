package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.net.SsrfGuard;
import dev.reviewgate.routing.RoutingRepository;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Creates, revises and reads forms. A revision is immutable; reviews pin the one they were created with. */
public final class FormService {

    private final Database database;
    private final FormRepository forms;
    private final SsrfGuard guard;
    private final RoutingRepository routing;
    private final FormSecrets secrets;
    private final InstantSource clock;

    public FormService(
            Database database,
            FormRepository forms,
            SsrfGuard guard,
            RoutingRepository routing,
            FormSecrets secrets,
            InstantSource clock) {
        this.database = database;
        this.forms = forms;
        this.guard = guard;
        this.routing = routing;
        this.secrets = secrets;
        this.clock = clock;
    }

    public FormRepository.StoredForm create(String accountId, JsonNode body) {
        FormDefinition parsed = parse(body);
        long now = clock.millis();
        return database.write(h -> {
            checkAssignees(h, accountId, parsed);
            FormDefinition form = secrets.sealed(accountId, parsed, null);
            if (!forms.insertNew(h, accountId, form, now)) {
                throw taken(form.id());
            }
            return recorded(h, accountId, new FormRepository.StoredForm(form, 1, now, now));
        });
    }

    /** {@code PUT}: a new revision of an existing form, or revision 1 of a new one. */
    public FormRepository.StoredForm put(String accountId, String formId, JsonNode body) {
        if (body.isObject() && !body.has("id")) {
            ((ObjectNode) body).put("id", formId);
        }
        FormDefinition parsed = parse(body);
        if (!parsed.id().equals(formId)) {
            throw Problem.invalid("/id", "must equal the form id in the path, " + formId);
        }
        long now = clock.millis();
        // Lock the form's row first (advancing its revision), else create it; a create that loses to
        // a concurrent one finds the row committed and advances it instead. Revisions stay contiguous.
        return database.write(h -> {
            checkAssignees(h, accountId, parsed);
            // Keeping the saved Teams URL reads it under the form's row lock, so a concurrent
            // revision that sets another URL is either seen or waits.
            FormDefinition current =
                    FormNotify.SAVED.equals(parsed.defaults().notifications().teamsWebhookUrl())
                                    && forms.lock(h, accountId, formId)
                            ? forms.current(h, accountId, formId)
                                    .map(FormRepository.StoredForm::definition)
                                    .orElse(null)
                            : null;
            FormDefinition form = secrets.sealed(accountId, parsed, current);
            return recorded(
                    h,
                    accountId,
                    forms.revise(h, accountId, form, now)
                            .or(() -> forms.insertNew(h, accountId, form, now)
                                    ? Optional.of(new FormRepository.StoredForm(form, 1, now, now))
                                    : forms.revise(h, accountId, form, now))
                            .orElseThrow());
        });
    }

    public FormRepository.StoredForm get(String accountId, String formId, Integer revision) {
        return database.read(h -> revision == null
                        ? forms.current(h, accountId, formId)
                        : forms.revision(h, accountId, formId, revision))
                .orElseThrow(() ->
                        Problem.notFound("No form " + formId + (revision == null ? "" : " revision " + revision)));
    }

    public List<FormRepository.StoredForm> list(String accountId, String afterId, int limit) {
        return database.read(h -> forms.list(h, accountId, afterId, limit));
    }

    private static FormRepository.StoredForm recorded(Handle h, String accountId, FormRepository.StoredForm stored) {
        Audit.record(
                h,
                stored.updatedAt(),
                AuditEvent.of(accountId, stored.revision() == 1 ? AuditActions.FORM_CREATED : AuditActions.FORM_REVISED)
                        .with("formId", stored.definition().id())
                        .with("revision", stored.revision()));
        return stored;
    }

    /** A form as the API and the admin pages show it: a saved Teams URL reads {@link FormNotify#SAVED}. */
    public static ObjectNode toJson(FormRepository.StoredForm stored) {
        ObjectNode out = FormSecrets.redacted(stored.definition().toJson());
        out.put("revision", stored.revision());
        out.put("createdAt", Times.iso(stored.createdAt()));
        out.put("updatedAt", Times.iso(stored.updatedAt()));
        return out;
    }

    /** The form's own rules, its review policy and its webhook and Teams URLs are checked before anything is stored. */
    private FormDefinition parse(JsonNode body) {
        FormDefinition form = FormParser.parse(body);
        if (form.webhookUrl() != null) {
            Problem.throwIfAny(guard.checkUrl(form.webhookUrl(), "/webhookUrl"));
        }
        String teams = form.defaults().notifications().teamsWebhookUrl();
        if (teams != null && !teams.equals(FormNotify.SAVED)) {
            if (FormSecrets.sealed(teams)) {
                throw Problem.invalid("/notify/teams/webhookUrl", "must be an http or https URL");
            }
            Problem.throwIfAny(guard.checkUrl(teams, "/notify/teams/webhookUrl"));
        }
        return form;
    }

    /** The users and groups the form routes to, and escalates to, must exist in the account (422 naming each). */
    private void checkAssignees(Handle h, String accountId, FormDefinition form) {
        ReviewDefaults d = form.defaults();
        List<Violation> errors = new ArrayList<>(
                routing.check(h, accountId, d.routing().defaults(), "/routing").errors());
        if (d.deadline() != null) {
            errors.addAll(routing.check(h, accountId, d.deadline().escalateTo(), "/deadline/escalateTo")
                    .errors());
        }
        Problem.throwIfAny(errors);
    }

    private static Problem taken(String formId) {
        return Problem.conflict(
                "A form " + formId + " already exists; PUT /v1/forms/" + formId + " makes a new revision.");
    }
}
