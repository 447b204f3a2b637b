package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses and normalises the type-specific options of one field, defaults written out. */
final class FieldOptions {

    static final int MAX_OPTIONS = 500;
    static final int MAX_OPTION_LENGTH = 200;
    static final Set<String> SELECTIONS = Set.of("none", "single", "multiple");

    private FieldOptions() {
    }

    static ObjectNode parse(FieldType type, JsonNode node, String at, List<Violation> out) {
        ObjectNode options = Json.object();
        switch (type) {
            case TEXT -> options.put("multiline", BodyReader.bool(node, "multiline", false, at, out));
            case JSON -> {
                if (BodyReader.present(node, "schema")) {
                    out.addAll(JsonSchemaSubset.checkSchema(node.get("schema"), at + "/schema"));
                    options.set("schema", node.get("schema").deepCopy());
                }
            }
            case SELECT -> {
                options.set("options", selectOptions(node, at, out));
                options.put("multiple", BodyReader.bool(node, "multiple", false, at, out));
            }
            case IMAGES -> {
                String selection = BodyReader.string(node, "selection", at, false, 16, out);
                if (selection != null && !SELECTIONS.contains(selection)) {
                    out.add(new Violation(at + "/selection", "selection must be none, single or multiple"));
                }
                options.put("selection", selection == null ? "multiple" : selection);
            }
            case PAGE_GROUPS -> options.put("keyName", keyName(node, at, out));
            default -> { /* markdown, number, boolean and link have no options */ }
        }
        return options;
    }

    /** A select needs choices; values must be unique or a stored answer would be ambiguous. */
    static ArrayNode selectOptions(JsonNode node, String at, List<Violation> out) {
        ArrayNode result = Json.array();
        String optionsAt = at + "/options";
        JsonNode options = node.get("options");
        if (options == null || !options.isArray() || options.isEmpty() || options.size() > MAX_OPTIONS) {
            out.add(new Violation(optionsAt, "a select field needs options: a non-empty array of at most "
                    + MAX_OPTIONS + " {\"value\", \"label\"?} objects"));
            return result;
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String optionAt = Violation.child(optionsAt, i);
            if (!option.isObject()) {
                out.add(new Violation(optionAt, "an option must be an object {\"value\", \"label\"?}"));
                continue;
            }
            JsonChecks.unknownKeys(option, Set.of("value", "label"), optionAt, out);
            String value = BodyReader.string(option, "value", optionAt, true, MAX_OPTION_LENGTH, out);
            String label = BodyReader.string(option, "label", optionAt, false, MAX_OPTION_LENGTH, out);
            if (value != null && !values.add(value)) {
                out.add(new Violation(optionAt + "/value", "duplicate option value \"" + value + "\""));
            }
            ObjectNode normalised = result.addObject().put("value", value);
            if (label != null) {
                normalised.put("label", label);
            }
        }
        return result;
    }

    private static String keyName(JsonNode node, String at, List<Violation> out) {
        String keyName = BodyReader.string(node, "keyName", at, false, 128, out);
        if (keyName == null) {
            return "name";
        }
        // "pages" is the other member of every group, so it cannot also be the key.
        if (!JsonChecks.ID.matcher(keyName).matches() || keyName.equals("pages")) {
            out.add(new Violation(at + "/keyName", "keyName must be an id-like string other than \"pages\""));
        }
        return keyName;
    }
}
