package dev.reviewgate.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who authored a version or took a decision; the same shape for models, agents and humans, so a
 * reader never special-cases "was this a person".
 */
public record Actor(String kind, String id, String displayName) {

    public static final String MODEL = "model";
    public static final String AGENT = "agent";
    public static final String HUMAN = "human";
    public static final Actor REVIEW_POLICY = new Actor(AGENT, "review-policy", "Review policy");

    private static final Set<String> KINDS = Set.of(MODEL, AGENT, HUMAN);
    private static final Set<String> MEMBERS = Set.of("kind", "id", "displayName");
    private static final int MAX_LENGTH = 200;

    /** Checks an {@code author} member of a request; violations are located under {@code pointer}. */
    public static List<Violation> check(JsonNode node, String pointer) {
        List<Violation> errors = new ArrayList<>();
        if (!node.isObject()) {
            errors.add(new Violation(pointer, "must be an object {\"kind\",\"id\",\"displayName\"?}"));
            return errors;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                errors.add(Violation.at(pointer, name, "unknown member"));
            }
        });
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isTextual() || !KINDS.contains(kind.asText())) {
            errors.add(Violation.at(pointer, "kind", "must be one of model, agent, human"));
        }
        checkText(node.get("id"), Violation.child(pointer, "id"), true, errors);
        checkText(node.get("displayName"), Violation.child(pointer, "displayName"), false, errors);
        return errors;
    }

    /** Reads a checked {@code author} member. */
    public static Actor from(JsonNode node) {
        JsonNode name = node.get("displayName");
        return new Actor(
                node.get("kind").asText(),
                node.get("id").asText(),
                name == null || name.isNull() ? null : name.asText());
    }

    /** What to call this actor on screen. */
    public String displayNameOrId() {
        return displayName != null ? displayName : id;
    }

    public ObjectNode toJson() {
        ObjectNode out = Json.object().put("kind", kind).put("id", id);
        out.put("displayName", displayName);
        return out;
    }

    private static void checkText(JsonNode value, String pointer, boolean required, List<Violation> errors) {
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new Violation(pointer, "is required"));
            }
        } else if (!value.isTextual()
                || value.asText().isBlank()
                || value.asText().length() > MAX_LENGTH) {
            errors.add(new Violation(pointer, "must be a non-empty string of at most " + MAX_LENGTH + " characters"));
        }
    }
}
