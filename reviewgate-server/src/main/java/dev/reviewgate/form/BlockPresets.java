package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.BodyReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands Retab's block types into ordinary fields, so the snapshot shapes of the Retab review page
 * are enforced by the same validator as hand-written forms. Every preset field allows both retry kinds.
 */
final class BlockPresets {

    static final String EXTRACT = "extract";
    static final String CLASSIFIER = "classifier";
    static final String SPLIT = "split";
    static final String FOR_EACH = "for_each";
    static final Set<String> NAMES = new LinkedHashSet<>(List.of(EXTRACT, CLASSIFIER, SPLIT, FOR_EACH));

    private BlockPresets() {}

    static List<Field> expand(String blockType, JsonNode body, List<Violation> out) {
        if (!CLASSIFIER.equals(blockType) && BodyReader.present(body, "categories")) {
            out.add(new Violation("/categories", "categories are only allowed with blockType \"classifier\""));
        }
        if (!EXTRACT.equals(blockType) && BodyReader.present(body, "schema")) {
            out.add(new Violation("/schema", "schema is only allowed with blockType \"extract\""));
        }
        return switch (blockType) {
            case CLASSIFIER -> classifier(body, out);
            case SPLIT -> List.of(pageGroups("documents", "Documents", "name"));
            case FOR_EACH -> List.of(pageGroups("partitions", "Partitions", "key"));
            default -> extract(body, out);
        };
    }

    private static List<Field> classifier(JsonNode body, List<Violation> out) {
        JsonNode categories = body.get("categories");
        if (categories == null
                || !categories.isArray()
                || categories.isEmpty()
                || categories.size() > FieldOptionsJson.MAX_OPTIONS) {
            out.add(new Violation(
                    "/categories",
                    "a classifier needs categories: a non-empty array of at most " + FieldOptionsJson.MAX_OPTIONS
                            + " unique strings"));
            return List.of();
        }
        List<SelectOptions.Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            JsonNode c = categories.get(i);
            String at = Violation.child("/categories", i);
            if (!c.isTextual() || c.asText().isEmpty() || c.asText().length() > FieldOptionsJson.MAX_OPTION_LENGTH) {
                out.add(new Violation(
                        at,
                        "a category must be a non-empty string of at most " + FieldOptionsJson.MAX_OPTION_LENGTH
                                + " characters"));
            } else if (!seen.add(c.asText())) {
                out.add(new Violation(at, "duplicate category \"" + c.asText() + "\""));
            } else {
                options.add(new SelectOptions.Option(c.asText(), null));
            }
        }
        // Exactly one category, whatever a hand-written select defaults to.
        return List.of(new Field(
                "category",
                FieldType.SELECT,
                "Category",
                null,
                true,
                true,
                false,
                Retry.BOTH,
                new SelectOptions(options, false)));
    }

    private static Field pageGroups(String id, String label, String keyName) {
        return new Field(
                id, FieldType.PAGE_GROUPS, label, null, true, true, false, Retry.BOTH, new PageGroupsOptions(keyName));
    }

    /** One field per schema property; the schema itself stays on the form for whole-snapshot checks. */
    private static List<Field> extract(JsonNode body, List<Violation> out) {
        if (!BodyReader.present(body, "schema")) {
            return List.of(); // open shape: any JSON object is a valid snapshot
        }
        JsonNode schema = body.get("schema");
        List<Violation> schemaProblems = JsonSchemaSubset.checkSchema(schema, "/schema");
        out.addAll(schemaProblems);
        if (!schemaProblems.isEmpty()) {
            return List.of();
        }
        if (!"object".equals(schema.path("type").asText(null))) {
            out.add(new Violation("/schema/type", "the root of an extract schema must have \"type\": \"object\""));
            return List.of();
        }
        JsonNode properties = schema.path("properties");
        if (properties.size() > FieldParser.MAX_FIELDS) {
            out.add(new Violation("/schema/properties", "at most " + FieldParser.MAX_FIELDS + " properties"));
            return List.of();
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            if (!JsonChecks.ID.matcher(p.getKey()).matches()) {
                out.add(Violation.at(
                        "/schema/properties",
                        p.getKey(),
                        "property names become field ids and must match " + JsonChecks.ID.pattern()));
                continue;
            }
            fields.add(extractField(p.getKey(), p.getValue(), required.contains(p.getKey())));
        }
        return fields;
    }

    private static Field extractField(String id, JsonNode property, boolean required) {
        JsonNode type = property.get("type");
        Set<String> types = new HashSet<>();
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null) {
            type.forEach(t -> types.add(t.asText()));
        }
        // No type at all means any value, null included.
        boolean nullable = types.isEmpty() || types.remove("null");
        FieldType fieldType = FieldType.JSON;
        if (types.equals(Set.of("string"))) {
            fieldType = FieldType.TEXT;
        } else if (types.equals(Set.of("number"))
                || types.equals(Set.of("integer"))
                || types.equals(Set.of("number", "integer"))) {
            fieldType = FieldType.NUMBER;
        } else if (types.equals(Set.of("boolean"))) {
            fieldType = FieldType.BOOLEAN;
        }
        FieldOptions options = switch (fieldType) {
            case TEXT -> new TextOptions(false); // extracted strings are edited on one line
            case JSON -> new JsonOptions(property);
            default -> NoOptions.NONE;
        };
        String label =
                property.path("title").isTextual() ? property.get("title").asText() : null;
        String description = property.path("description").isTextual()
                ? property.get("description").asText()
                : null;
        return new Field(id, fieldType, label, description, required, true, nullable, Retry.BOTH, options);
    }
}
