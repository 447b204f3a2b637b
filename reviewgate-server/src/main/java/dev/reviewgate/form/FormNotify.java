package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a form's notifications go besides its reviewers' own channels: {@code {"email": bool
 * (default true), "slack": {"channel"}, "teams": {"webhookUrl"}}}.
 *
 * @param email           whether reviewers are e-mailed (their own preference still applies)
 * @param slackChannel    a Slack channel id (or name) to post every review of the form to, or null
 * @param teamsWebhookUrl the Teams Workflows webhook URL, or null. The URL is a credential: a request
 *                        gives it in clear (or {@link #SAVED} to keep the saved one), and the form is
 *                        stored, and read back, with it sealed ({@link FormSecrets}); the API shows
 *                        {@link #SAVED} in its place
 */
public record FormNotify(boolean email, String slackChannel, String teamsWebhookUrl) {

    public static final FormNotify DEFAULT = new FormNotify(true, null, null);
    /** What reads show instead of a saved Teams URL; sent back, it keeps the saved URL. */
    public static final String SAVED = "(saved)";
    /** Slack channel ids (C…, G…), or names without the {@code #}. */
    public static final Pattern SLACK_CHANNEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");

    static FormNotify parse(JsonNode node, List<Violation> out) {
        if (node == null || node.isNull()) {
            return DEFAULT;
        }
        if (!node.isObject()) {
            out.add(new Violation("/notify", "notify must be an object {\"email\", \"slack\", \"teams\"}"));
            return DEFAULT;
        }
        JsonChecks.unknownKeys(node, Set.of("email", "slack", "teams"), "/notify", out);
        boolean email = true;
        JsonNode e = node.get("email");
        if (e != null && !e.isNull()) {
            if (e.isBoolean()) {
                email = e.booleanValue();
            } else {
                out.add(new Violation("/notify/email", "must be true or false"));
            }
        }
        String channel = member(node, "slack", "channel", out);
        if (channel != null
                && !SLACK_CHANNEL.matcher(channel.replaceFirst("^#", "")).matches()) {
            out.add(new Violation("/notify/slack/channel", "must be a Slack channel id or name"));
            channel = null;
        } else if (channel != null) {
            channel = channel.replaceFirst("^#", "");
        }
        String teams = member(node, "teams", "webhookUrl", out);
        if (teams != null
                && !teams.equals(SAVED)
                && !FormSecrets.sealed(teams)
                && JsonChecks.httpUrlProblem(teams) != null) {
            out.add(new Violation("/notify/teams/webhookUrl", JsonChecks.httpUrlProblem(teams)));
            teams = null;
        }
        return new FormNotify(email, channel, teams);
    }

    /** The same settings with another Teams value (sealed, or none). */
    FormNotify withTeams(String teams) {
        return new FormNotify(email, slackChannel, teams);
    }

    /** {@code node.outer.inner} as text: {@code outer} must be an object with only {@code inner}. */
    private static String member(JsonNode node, String outer, String inner, List<Violation> out) {
        JsonNode o = node.get(outer);
        if (o == null || o.isNull()) {
            return null;
        }
        String pointer = "/notify/" + outer;
        if (!o.isObject()) {
            out.add(new Violation(pointer, "must be an object {\"" + inner + "\": …}"));
            return null;
        }
        JsonChecks.unknownKeys(o, Set.of(inner), pointer, out);
        JsonNode v = o.get(inner);
        if (v == null || v.isNull()) {
            return null;
        }
        // A sealed URL (as stored) is longer than the URL it holds.
        int max = v.isTextual() && FormSecrets.sealed(v.asText()) ? 4096 : 2048;
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            out.add(new Violation(pointer + "/" + inner, "must be a non-empty string of at most 2048 characters"));
            return null;
        }
        return v.asText().strip();
    }

    ObjectNode toJson() {
        ObjectNode out = Json.object().put("email", email);
        if (slackChannel != null) {
            out.putObject("slack").put("channel", slackChannel);
        }
        if (teamsWebhookUrl != null) {
            out.putObject("teams").put("webhookUrl", teamsWebhookUrl);
        }
        return out;
    }
}
