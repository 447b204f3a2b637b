package dev.reviewgate.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import java.util.List;
import java.util.Set;

/**
 * A form's {@code routing}: whom its reviews are assigned to when the request names nobody, and
 * whether only those assigned may act on them.
 */
public record Routing(Assignees defaults, Reviewers reviewers) {

    public static final Routing ANYONE = new Routing(Assignees.NONE, Reviewers.ANYONE);
    private static final Set<String> MEMBERS = Set.of("assignTo", "assignToGroups", "reviewers");

    /** Reads {@code node} (null: the default); problems go to {@code out} under {@code pointer}. */
    public static Routing parse(JsonNode node, String pointer, List<Violation> out) {
        if (node == null || node.isNull()) {
            return ANYONE;
        }
        if (!node.isObject()) {
            out.add(new Violation(
                    pointer, "routing must be an object {\"assignTo\"?, \"assignToGroups\"?, \"reviewers\"?}"));
            return ANYONE;
        }
        node.fieldNames().forEachRemaining(n -> {
            if (!MEMBERS.contains(n)) {
                out.add(Violation.at(pointer, n, "unknown member"));
            }
        });
        Assignees defaults = Assignees.parse(node, pointer, out);
        Reviewers reviewers = Reviewers.ANYONE;
        JsonNode r = node.get("reviewers");
        if (r != null && !r.isNull()) {
            reviewers = Reviewers.fromWire(r.asText("")).orElse(null);
            if (reviewers == null || !r.isTextual()) {
                out.add(Violation.at(pointer, "reviewers", "must be anyone or assigned"));
                reviewers = Reviewers.ANYONE;
            }
        }
        return new Routing(defaults, reviewers);
    }

    public ObjectNode toJson() {
        return defaults.toJson().put("reviewers", reviewers.wire());
    }
}
