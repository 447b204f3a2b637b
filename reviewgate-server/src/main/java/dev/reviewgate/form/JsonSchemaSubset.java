package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The JSON Schema subset that forms may use for {@code json} fields and {@code extract} presets.
 *
 * <p>Supported keywords: {@code type} (a name or an array of {@code object, array, string, number,
 * integer, boolean, null}), {@code properties}, {@code required}, {@code additionalProperties}
 * (boolean or schema), {@code items} (one schema), {@code enum}, {@code const}, {@code minimum},
 * {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (numbers, as in 2020-12),
 * {@code minLength}, {@code maxLength}, {@code pattern}, {@code minItems}, {@code maxItems},
 * {@code uniqueItems}, {@code description}, {@code title}. Anything else is refused by
 * {@link #checkSchema} rather than ignored, so a form author never believes a constraint holds
 * when it does not.
 */
public final class JsonSchemaSubset {

    static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean", "null");
    static final Set<String> KEYWORDS = Set.of(
            "type",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "enum",
            "const",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "pattern",
            "minItems",
            "maxItems",
            "uniqueItems",
            "description",
            "title");
    /** Long patterns are where catastrophic backtracking hides; real-world ones are short. */
    static final int MAX_PATTERN_LENGTH = 500;
    /** Bounds recursion so a hostile schema cannot overflow the stack. */
    static final int MAX_DEPTH = 32;

    static final int MAX_TEXT_LENGTH = 10_000;

    private JsonSchemaSubset() {}

    /** Violations that make {@code schema} unusable, pointing into the schema under {@code pointer}. */
    public static List<Violation> checkSchema(JsonNode schema, String pointer) {
        List<Violation> out = new ArrayList<>();
        check(schema, pointer, 0, out);
        return out;
    }

    /** Violations of {@code schema} by {@code value}, pointing into the value under {@code pointer}. */
    public static List<Violation> validate(JsonNode schema, JsonNode value, String pointer) {
        List<Violation> out = new ArrayList<>();
        SchemaValidation.validate(schema, value, pointer, 0, out);
        return out;
    }

    private static void check(JsonNode schema, String pointer, int depth, List<Violation> out) {
        if (!schema.isObject()) {
            out.add(new Violation(pointer, "a schema must be a JSON object"));
            return;
        }
        if (depth > MAX_DEPTH) {
            out.add(new Violation(pointer, "schema is nested deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            checkKeyword(e.getKey(), e.getValue(), Violation.child(pointer, e.getKey()), depth, out);
        }
    }

    private static void checkKeyword(String keyword, JsonNode v, String at, int depth, List<Violation> out) {
        switch (keyword) {
            case "type" -> checkType(v, at, out);
            case "properties" -> {
                if (!v.isObject()) {
                    out.add(new Violation(at, "properties must be an object of schemas"));
                } else {
                    v.fields()
                            .forEachRemaining(
                                    p -> check(p.getValue(), Violation.child(at, p.getKey()), depth + 1, out));
                }
            }
            case "required" -> checkUniqueStrings(v, at, "required", out);
            case "additionalProperties" -> {
                if (!v.isBoolean()) {
                    check(v, at, depth + 1, out);
                }
            }
            case "items" -> check(v, at, depth + 1, out);
            case "enum" -> {
                if (!v.isArray() || v.isEmpty()) {
                    out.add(new Violation(at, "enum must be a non-empty array"));
                }
            }
            case "const" -> {
                /* any JSON value */
            }
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
                if (!JsonChecks.isFiniteNumber(v)) {
                    out.add(new Violation(at, keyword + " must be a number"));
                }
            }
            case "minLength", "maxLength", "minItems", "maxItems" -> {
                if (!JsonChecks.isInteger(v) || v.decimalValue().signum() < 0) {
                    out.add(new Violation(at, keyword + " must be a non-negative integer"));
                }
            }
            case "pattern" -> checkPattern(v, at, out);
            case "uniqueItems" -> {
                if (!v.isBoolean()) {
                    out.add(new Violation(at, "uniqueItems must be a boolean"));
                }
            }
            case "description", "title" -> {
                if (!v.isTextual() || v.asText().length() > MAX_TEXT_LENGTH) {
                    out.add(new Violation(
                            at, keyword + " must be a string of at most " + MAX_TEXT_LENGTH + " characters"));
                }
            }
            default ->
                out.add(new Violation(
                        at,
                        "unsupported schema keyword \"" + keyword + "\"; supported: "
                                + String.join(", ", KEYWORDS.stream().sorted().toList())));
        }
    }

    private static void checkType(JsonNode v, String at, List<Violation> out) {
        if (v.isTextual()) {
            if (!TYPES.contains(v.asText())) {
                out.add(new Violation(at, "unknown type \"" + v.asText() + "\""));
            }
            return;
        }
        if (!v.isArray() || v.isEmpty()) {
            out.add(new Violation(at, "type must be a type name or a non-empty array of them"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode t = v.get(i);
            if (!t.isTextual() || !TYPES.contains(t.asText())) {
                out.add(new Violation(Violation.child(at, i), "unknown type " + t));
            } else if (!seen.add(t.asText())) {
                out.add(new Violation(Violation.child(at, i), "duplicate type \"" + t.asText() + "\""));
            }
        }
    }

    private static void checkUniqueStrings(JsonNode v, String at, String keyword, List<Violation> out) {
        if (!v.isArray()) {
            out.add(new Violation(at, keyword + " must be an array of strings"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                out.add(new Violation(Violation.child(at, i), keyword + " entries must be strings"));
            } else if (!seen.add(v.get(i).asText())) {
                out.add(new Violation(
                        Violation.child(at, i), "duplicate entry \"" + v.get(i).asText() + "\""));
            }
        }
    }

    private static void checkPattern(JsonNode v, String at, List<Violation> out) {
        if (!v.isTextual()) {
            out.add(new Violation(at, "pattern must be a string"));
        } else if (v.asText().length() > MAX_PATTERN_LENGTH) {
            out.add(new Violation(at, "pattern is longer than " + MAX_PATTERN_LENGTH + " characters"));
        } else {
            try {
                Pattern.compile(v.asText());
            } catch (PatternSyntaxException e) {
                out.add(new Violation(at, "pattern is not a valid regular expression: " + e.getDescription()));
            }
        }
    }
}
