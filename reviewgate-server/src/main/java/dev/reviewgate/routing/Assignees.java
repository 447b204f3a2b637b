package dev.reviewgate.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who should look at a review: users by e-mail and groups by id. Parsing checks only the shape;
 * whether each user and group exists in the account is checked where the database is at hand.
 */
public record Assignees(List<String> users, List<String> groups) {

    public static final Assignees NONE = new Assignees(List.of(), List.of());
    public static final int MAX_EACH = 100;
    static final int MAX_LENGTH = 254;

    public Assignees {
        users = List.copyOf(new LinkedHashSet<>(users));
        groups = List.copyOf(new LinkedHashSet<>(groups));
    }

    public boolean isEmpty() {
        return users.isEmpty() && groups.isEmpty();
    }

    /** Both lists with {@code more}'s entries added after this one's, without repeats. */
    public Assignees plus(Assignees more) {
        List<String> u = new ArrayList<>(users);
        u.addAll(more.users);
        List<String> g = new ArrayList<>(groups);
        g.addAll(more.groups);
        return new Assignees(u, g);
    }

    /**
     * Reads {@code assignTo} and {@code assignToGroups} members of {@code node} (either may be
     * absent); problems go to {@code out} under {@code pointer}.
     */
    public static Assignees parse(JsonNode node, String pointer, List<Violation> out) {
        return new Assignees(
                strings(node.get("assignTo"), Violation.child(pointer, "assignTo"), out),
                strings(node.get("assignToGroups"), Violation.child(pointer, "assignToGroups"), out));
    }

    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        users.forEach(out.putArray("assignTo")::add);
        groups.forEach(out.putArray("assignToGroups")::add);
        return out;
    }

    public static Assignees fromJson(JsonNode node) {
        List<String> u = new ArrayList<>();
        node.path("assignTo").forEach(n -> u.add(n.asText()));
        List<String> g = new ArrayList<>();
        node.path("assignToGroups").forEach(n -> g.add(n.asText()));
        return new Assignees(u, g);
    }

    private static List<String> strings(JsonNode node, String pointer, List<Violation> out) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_EACH) {
            out.add(new Violation(pointer, "must be an array of at most " + MAX_EACH + " strings"));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_LENGTH) {
                out.add(new Violation(
                        Violation.child(pointer, i),
                        "must be a non-empty string of at most " + MAX_LENGTH + " characters"));
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }
}
