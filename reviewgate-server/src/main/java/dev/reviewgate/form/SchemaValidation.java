package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.support.BoundedRegex;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a value against a schema that {@link JsonSchemaSubset#checkSchema} accepted. Keywords
 * that do not apply to the value's JSON type are ignored, as JSON Schema says.
 */
final class SchemaValidation {

    /** Strings longer than this are not run through a regular expression at all. */
    static final int MAX_PATTERN_INPUT = 100_000;

    private SchemaValidation() {}

    static void validate(JsonNode schema, JsonNode value, String pointer, int depth, List<Violation> out) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                out.add(new Violation(pointer, "no value is allowed here"));
            }
            return;
        }
        if (!schema.isObject() || depth > JsonSchemaSubset.MAX_DEPTH) {
            return; // checkSchema refuses these; never recurse without bound on an unchecked schema
        }
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            // Further keywords would only repeat the same complaint in other words.
            out.add(new Violation(pointer, "expected " + describe(type) + ", got " + JsonChecks.typeName(value)));
            return;
        }
        JsonNode options = schema.get("enum");
        if (options != null && !contains(options, value)) {
            out.add(new Violation(pointer, "must be one of " + options));
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !JsonChecks.jsonEquals(constant, value)) {
            out.add(new Violation(pointer, "must be " + constant));
        }
        if (JsonChecks.isFiniteNumber(value)) {
            checkNumber(schema, value.decimalValue(), pointer, out);
        } else if (value.isTextual()) {
            checkString(schema, value.asText(), pointer, out);
        } else if (value.isArray()) {
            checkArray(schema, value, pointer, depth, out);
        } else if (value.isObject()) {
            checkObject(schema, value, pointer, depth, out);
        }
    }

    static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isTextual()) {
            return matches(type.asText(), value);
        }
        for (JsonNode t : type) {
            if (matches(t.asText(), value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> JsonChecks.isFiniteNumber(value);
            case "integer" -> JsonChecks.isInteger(value);
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static String describe(JsonNode type) {
        return type.isTextual() ? type.asText() : "one of " + type;
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (JsonChecks.jsonEquals(option, value)) {
                return true;
            }
        }
        return false;
    }

    private static void checkNumber(JsonNode schema, BigDecimal n, String pointer, List<Violation> out) {
        if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
            out.add(new Violation(pointer, "must be at least " + schema.get("minimum")));
        }
        if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
            out.add(new Violation(pointer, "must be at most " + schema.get("maximum")));
        }
        if (schema.has("exclusiveMinimum")
                && n.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            out.add(new Violation(pointer, "must be greater than " + schema.get("exclusiveMinimum")));
        }
        if (schema.has("exclusiveMaximum")
                && n.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            out.add(new Violation(pointer, "must be less than " + schema.get("exclusiveMaximum")));
        }
    }

    private static void checkString(JsonNode schema, String s, String pointer, List<Violation> out) {
        // JSON Schema counts characters as code points, so an emoji is one character, not two.
        long length = s.codePointCount(0, s.length());
        if (schema.has("minLength") && length < schema.get("minLength").asLong()) {
            out.add(new Violation(pointer, "must be at least " + schema.get("minLength") + " characters long"));
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asLong()) {
            out.add(new Violation(pointer, "must be at most " + schema.get("maxLength") + " characters long"));
        }
        JsonNode pattern = schema.get("pattern");
        if (pattern != null) {
            checkPattern(pattern.asText(), s, pointer, out);
        }
    }

    private static void checkPattern(String regex, String s, String pointer, List<Violation> out) {
        if (s.length() > MAX_PATTERN_INPUT) {
            out.add(new Violation(
                    pointer, "is too long (over " + MAX_PATTERN_INPUT + " characters) to check against pattern"));
            return;
        }
        switch (BoundedRegex.find(regex, s)) {
            case MATCH -> {}
            case NO_MATCH -> out.add(new Violation(pointer, "does not match pattern " + regex));
            case TOO_COSTLY ->
                out.add(new Violation(pointer, "pattern " + regex + " is too costly to evaluate on this value"));
        }
    }

    private static void checkArray(JsonNode schema, JsonNode array, String pointer, int depth, List<Violation> out) {
        if (schema.has("minItems") && array.size() < schema.get("minItems").asLong()) {
            out.add(new Violation(pointer, "must have at least " + schema.get("minItems") + " items"));
        }
        if (schema.has("maxItems") && array.size() > schema.get("maxItems").asLong()) {
            out.add(new Violation(pointer, "must have at most " + schema.get("maxItems") + " items"));
        }
        if (schema.path("uniqueItems").asBoolean(false)) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                if (!seen.add(UniqueKey.of(array.get(i)))) {
                    out.add(new Violation(Violation.child(pointer, i), "duplicate item; items must be unique"));
                }
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            for (int i = 0; i < array.size(); i++) {
                validate(items, array.get(i), Violation.child(pointer, i), depth + 1, out);
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode object, String pointer, int depth, List<Violation> out) {
        JsonNode properties = schema.path("properties");
        for (JsonNode name : schema.path("required")) {
            if (!object.has(name.asText())) {
                out.add(Violation.at(pointer, name.asText(), "missing required property \"" + name.asText() + "\""));
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        object.fields().forEachRemaining(e -> {
            String at = Violation.child(pointer, e.getKey());
            JsonNode propertySchema = properties.get(e.getKey());
            if (propertySchema != null) {
                validate(propertySchema, e.getValue(), at, depth + 1, out);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                out.add(new Violation(at, "unknown property \"" + e.getKey() + "\""));
            } else if (additional != null && additional.isObject()) {
                validate(additional, e.getValue(), at, depth + 1, out);
            }
        });
    }
}
