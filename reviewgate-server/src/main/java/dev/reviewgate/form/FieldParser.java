package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.BodyReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses the {@code fields} array of a form body; every problem becomes a violation. */
final class FieldParser {

    static final int MAX_FIELDS = 200;
    static final int MAX_LABEL_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 5_000;
    static final Set<String> COMMON_KEYS =
            Set.of("id", "type", "label", "description", "required", "editable", "nullable", "retry");

    private FieldParser() {}

    static List<Field> parseAll(JsonNode fields, String pointer, List<Violation> out) {
        if (!fields.isArray()) {
            out.add(new Violation(pointer, "fields must be an array"));
            return List.of();
        }
        if (fields.size() > MAX_FIELDS) {
            out.add(new Violation(pointer, "a form has at most " + MAX_FIELDS + " fields"));
            return List.of();
        }
        List<Field> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String at = Violation.child(pointer, i);
            Field field = parse(fields.get(i), at, out);
            if (field != null && !ids.add(field.id())) {
                out.add(new Violation(at + "/id", "duplicate field id \"" + field.id() + "\""));
            } else if (field != null) {
                result.add(field);
            }
        }
        return result;
    }

    /** One field, or null when it is too broken to build (the violations say why). */
    static Field parse(JsonNode node, String at, List<Violation> out) {
        if (!node.isObject()) {
            out.add(new Violation(at, "a field must be a JSON object"));
            return null;
        }
        int before = out.size();
        String id = BodyReader.id(node, "id", at, JsonChecks.ID, out);
        FieldType type = type(node, at, out);
        Set<String> allowed = new HashSet<>(COMMON_KEYS);
        if (type != null) {
            allowed.addAll(FieldOptionsJson.KEYS.get(type));
            JsonChecks.unknownKeys(node, allowed, at, out);
        }
        String label = BodyReader.string(node, "label", at, false, MAX_LABEL_LENGTH, out);
        String description = BodyReader.string(node, "description", at, false, MAX_DESCRIPTION_LENGTH, out);
        boolean required = BodyReader.bool(node, "required", false, at, out);
        boolean editable = BodyReader.bool(node, "editable", true, at, out);
        boolean nullable = BodyReader.bool(node, "nullable", true, at, out);
        Retry retry = retry(node, at, out);
        FieldOptions options = type == null ? null : FieldOptionsJson.parse(type, node, at, out);
        if (out.size() > before || id == null || type == null) {
            return null;
        }
        return new Field(id, type, label, description, required, editable, nullable, retry, options);
    }

    private static FieldType type(JsonNode node, String at, List<Violation> out) {
        String name = BodyReader.string(node, "type", at, true, 32, out);
        if (name == null) {
            return null;
        }
        return FieldType.fromJson(name).orElseGet(() -> {
            out.add(new Violation(at + "/type", "unknown field type \"" + name + "\"; one of " + FieldType.allNames()));
            return null;
        });
    }

    private static Retry retry(JsonNode node, String at, List<Violation> out) {
        if (!BodyReader.present(node, "retry")) {
            return Retry.NONE;
        }
        JsonNode retry = node.get("retry");
        String retryAt = at + "/retry";
        if (!retry.isObject()) {
            out.add(new Violation(retryAt, "retry must be an object {\"button\": bool, \"instructions\": bool}"));
            return Retry.NONE;
        }
        JsonChecks.unknownKeys(retry, Set.of("button", "instructions"), retryAt, out);
        return new Retry(
                BodyReader.bool(retry, "button", false, retryAt, out),
                BodyReader.bool(retry, "instructions", false, retryAt, out));
    }
}
