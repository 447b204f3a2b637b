package dev.reviewgate.group;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.FormNotify;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.net.HttpUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A group as a client sends it, checked for shape: {@code {"id","name","members":[email],
 * "slackChannel","teamsWebhookUrl"}}. Whether each e-mail names a user of the account, and whether
 * the Teams URL may be posted to, are the service's questions.
 *
 * @param members         the e-mails in the order given, so that a 422 can point at {@code /members/<i>}
 * @param slackChannel    a Slack channel id or name (without {@code #}), or null
 * @param teamsWebhookUrl a Teams workflow URL, {@link FormNotify#SAVED} to keep the saved one, or null for none
 */
public record GroupRequest(String id, String name, List<String> members, String slackChannel, String teamsWebhookUrl) {

    /** Safe in URLs, logs and JSON Pointers. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Dot segments: a client's URL library resolves /v1/groups/.. away, so such a group could never be addressed. */
    private static final Set<String> DOT_SEGMENTS = Set.of(".", "..");

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_MEMBERS = 1000;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Set<String> MEMBERS = Set.of("id", "name", "members", "slackChannel", "teamsWebhookUrl");

    /** A new group: {@code id}, {@code name} and {@code members} are required (members may be empty). */
    public static GroupRequest create(JsonNode body) {
        return parse(body, null);
    }

    /**
     * The new content of the group {@code pathId}: {@code id} may be left out and otherwise must
     * equal it; {@code name} and {@code members} are required, so that a forgotten member list is
     * a 422 rather than a group emptied by mistake.
     */
    public static GroupRequest replacement(JsonNode body, String pathId) {
        return parse(body, pathId);
    }

    private static GroupRequest parse(JsonNode body, String pathId) {
        BodyReader r = BodyReader.of(body, MEMBERS);
        String id = pathId == null ? r.requiredString("id", 64) : r.optionalString("id", 64);
        if (id != null && !ID.matcher(id).matches()) {
            r.add(List.of(new Violation("/id", "may hold only letters, digits, '.', '_' and '-'")));
        } else if (id != null && DOT_SEGMENTS.contains(id)) {
            r.add(List.of(new Violation("/id", "cannot be . or .., which URLs resolve away")));
        } else if (id != null && pathId != null && !id.equals(pathId)) {
            r.add(List.of(new Violation("/id", "must equal the group id in the path, " + pathId)));
        }
        String name = r.requiredString("name", MAX_NAME_LENGTH);
        List<String> members = members(r);
        String slack = r.optionalString("slackChannel", 81);
        if (slack != null) {
            slack = slack.strip().replaceFirst("^#", "");
            if (!FormNotify.SLACK_CHANNEL.matcher(slack).matches()) {
                r.add(List.of(new Violation("/slackChannel", "must be a Slack channel id or name")));
            }
        }
        String teams = r.optionalString("teamsWebhookUrl", HttpUrls.MAX_LENGTH);
        if (teams != null && !teams.equals(FormNotify.SAVED)) {
            teams = teams.strip();
            HttpUrls.problem(teams, "the URL")
                    .ifPresent(problem -> r.add(List.of(new Violation("/teamsWebhookUrl", problem))));
        }
        r.throwIfInvalid();
        return new GroupRequest(pathId == null ? id : pathId, name, members, slack, teams);
    }

    private static List<String> members(BodyReader r) {
        JsonNode node = r.present("members");
        if (node == null) {
            r.add(List.of(new Violation("/members", "is required; an empty array makes a group without members")));
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_MEMBERS) {
            r.add(List.of(
                    new Violation("/members", "must be an array of at most " + MAX_MEMBERS + " e-mail addresses")));
            return List.of();
        }
        List<String> members = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_EMAIL_LENGTH) {
                errors.add(new Violation(Violation.child("/members", i), "must be an e-mail address"));
            }
            members.add(item.asText());
        }
        r.add(errors);
        return List.copyOf(members);
    }
}
