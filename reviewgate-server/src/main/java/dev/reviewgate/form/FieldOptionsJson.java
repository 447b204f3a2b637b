package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.ImagesOptions.Selection;
import dev.reviewgate.form.SelectOptions.Option;
import dev.reviewgate.json.BodyReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the type-specific options of one field from form JSON and writes them back. This is the
 * one place that states what a form gets when it leaves an option out.
 */
final class FieldOptionsJson {

    static final int MAX_OPTIONS = 500;
    static final int MAX_OPTION_LENGTH = 200;
    /** The type-specific option keys; a key of another type is an unknown key. */
    static final Map<FieldType, Set<String>> KEYS = Map.of(
            FieldType.TEXT, Set.of("multiline"),
            FieldType.MARKDOWN, Set.of(),
            FieldType.JSON, Set.of("schema"),
            FieldType.NUMBER, Set.of(),
            FieldType.BOOLEAN, Set.of(),
            FieldType.SELECT, Set.of("options", "multiple"),
            FieldType.IMAGES, Set.of("selection"),
            FieldType.LINK, Set.of(),
            FieldType.PAGE_GROUPS, Set.of("keyName"));

    private FieldOptionsJson() {}

    static FieldOptions parse(FieldType type, JsonNode node, String at, List<Violation> out) {
        return switch (type) {
            case TEXT -> new TextOptions(BodyReader.bool(node, "multiline", false, at, out));
            case JSON -> new JsonOptions(schema(node, at, out));
            case SELECT ->
                new SelectOptions(selectOptions(node, at, out), BodyReader.bool(node, "multiple", false, at, out));
            case IMAGES -> new ImagesOptions(selection(node, at, out));
            case PAGE_GROUPS -> new PageGroupsOptions(keyName(node, at, out));
            case MARKDOWN, NUMBER, BOOLEAN, LINK -> NoOptions.NONE;
        };
    }

    /** Writes {@code options} into the JSON of their field, every default spelled out. */
    static void write(FieldOptions options, ObjectNode field) {
        switch (options) {
            case TextOptions text -> field.put("multiline", text.multiline());
            case JsonOptions json -> {
                JsonNode schema = json.schema();
                if (schema != null) {
                    field.set("schema", schema);
                }
            }
            case SelectOptions select -> {
                ArrayNode choices = field.putArray("options");
                for (Option option : select.options()) {
                    ObjectNode choice = choices.addObject().put("value", option.value());
                    if (option.label() != null) {
                        choice.put("label", option.label());
                    }
                }
                field.put("multiple", select.multiple());
            }
            case ImagesOptions images ->
                field.put("selection", images.selection().jsonName());
            case PageGroupsOptions pageGroups -> field.put("keyName", pageGroups.keyName());
            case NoOptions none -> {
                /* nothing to write */
            }
        }
    }

    private static JsonNode schema(JsonNode node, String at, List<Violation> out) {
        if (!BodyReader.present(node, "schema")) {
            return null;
        }
        out.addAll(JsonSchemaSubset.checkSchema(node.get("schema"), at + "/schema"));
        return node.get("schema");
    }

    /** A select needs choices; values must be unique or a stored answer would be ambiguous. */
    private static List<Option> selectOptions(JsonNode node, String at, List<Violation> out) {
        List<Option> result = new ArrayList<>();
        String optionsAt = at + "/options";
        JsonNode options = node.get("options");
        if (options == null || !options.isArray() || options.isEmpty() || options.size() > MAX_OPTIONS) {
            out.add(new Violation(
                    optionsAt,
                    "a select field needs options: a non-empty array of at most " + MAX_OPTIONS
                            + " {\"value\", \"label\"?} objects"));
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
            result.add(new Option(value, label));
        }
        return result;
    }

    private static Selection selection(JsonNode node, String at, List<Violation> out) {
        String name = BodyReader.string(node, "selection", at, false, 16, out);
        Optional<Selection> selection = Optional.ofNullable(name).flatMap(Selection::fromJson);
        if (name != null && selection.isEmpty()) {
            out.add(new Violation(at + "/selection", "selection must be none, single or multiple"));
        }
        return selection.orElse(Selection.MULTIPLE);
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
