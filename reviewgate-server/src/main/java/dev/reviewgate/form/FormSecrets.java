package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.secret.SecretBox;
import java.util.Optional;

/**
 * A form's Teams webhook URL is a credential (whoever has it can post to the channel): it is sealed
 * with the {@link SecretBox} before the form is stored, bound to the account and form so that a
 * ciphertext copied elsewhere does not open, and every read shows {@link FormNotify#SAVED} instead.
 * A request that sends {@link FormNotify#SAVED} back keeps the saved URL.
 */
public final class FormSecrets {

    private static final String SEALED_PREFIX = "v1:";

    private final SecretBox box;

    public FormSecrets(SecretBox box) {
        this.box = box;
    }

    /** True for a value as {@link SecretBox} stores it, never a URL a client could send. */
    static boolean sealed(String value) {
        return value != null && value.startsWith(SEALED_PREFIX);
    }

    /**
     * The form as it is stored: a new Teams URL sealed, {@link FormNotify#SAVED} replaced by the
     * saved one of {@code current} (422 when there is none).
     *
     * @param current the form's current revision, read under the form's row lock, or null for a new form
     */
    FormDefinition sealed(String accountId, FormDefinition form, FormDefinition current) {
        FormNotify notify = form.defaults().notifications();
        String teams = notify.teamsWebhookUrl();
        if (teams == null) {
            return form;
        }
        String stored;
        if (teams.equals(FormNotify.SAVED)) {
            stored = current == null ? null : current.defaults().notifications().teamsWebhookUrl();
            if (stored == null) {
                throw Problem.invalid(
                        "/notify/teams/webhookUrl", "no Teams webhook URL is saved for this form: give the URL");
            }
        } else {
            stored = box.seal(teams, boundTo(accountId, form.id()));
        }
        ReviewDefaults d = form.defaults();
        return new FormDefinition(
                form.id(),
                form.name(),
                form.blockType(),
                form.fields(),
                form.schema(),
                form.reviewPolicy(),
                form.webhookUrl(),
                new ReviewDefaults(
                        d.routing(), d.requiredApprovals(), d.deadline(), d.remind(), notify.withTeams(stored)));
    }

    /** The Teams URL of a stored form, opened; empty when the form has none. */
    public Optional<String> teamsUrl(String accountId, FormDefinition form) {
        String stored = form.defaults().notifications().teamsWebhookUrl();
        if (stored == null || !sealed(stored)) {
            return Optional.empty();
        }
        return Optional.of(box.open(stored, boundTo(accountId, form.id())));
    }

    /** A stored form's JSON as reads show it: the Teams URL, if any, as {@link FormNotify#SAVED}. */
    static ObjectNode redacted(ObjectNode form) {
        JsonNode teams = form.path("notify").path("teams");
        if (teams.isObject() && teams.has("webhookUrl")) {
            ((ObjectNode) teams).put("webhookUrl", FormNotify.SAVED);
        }
        return form;
    }

    private static String boundTo(String accountId, String formId) {
        return "forms/" + accountId + "/" + formId + "/teams";
    }
}
