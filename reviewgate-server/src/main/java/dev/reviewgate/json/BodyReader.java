package dev.reviewgate.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.net.HttpUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the members of a request object, collecting one violation per problem (unknown member,
 * missing member, wrong type, too long) so a client learns everything wrong in one 422.
 */
public final class BodyReader {

    private final JsonNode body;
    private final List<Violation> errors = new ArrayList<>();

    private BodyReader(JsonNode body) {
        this.body = body;
    }

    /** A reader over {@code body}, which must be an object with no members outside {@code allowed}. */
    public static BodyReader of(JsonNode body, Set<String> allowed) {
        if (!body.isObject()) {
            throw Problem.invalid("", "the request body must be a JSON object");
        }
        BodyReader reader = new BodyReader(body);
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                reader.errors.add(Violation.at(
                        "",
                        name,
                        "unknown member; allowed: " + allowed.stream().sorted().toList()));
            }
        });
        return reader;
    }

    public String requiredString(String name, int maxLength) {
        String value = optionalString(name, maxLength);
        if (value == null && present(name) == null) {
            errors.add(Violation.at("", name, "is required"));
        }
        return value;
    }

    public String optionalString(String name, int maxLength) {
        JsonNode node = present(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty() || node.asText().length() > maxLength) {
            errors.add(Violation.at("", name, "must be a non-empty string of at most " + maxLength + " characters"));
            return null;
        }
        return node.asText();
    }

    public JsonNode requiredObject(String name) {
        JsonNode node = optionalObject(name);
        if (node == null && present(name) == null) {
            errors.add(Violation.at("", name, "is required"));
        }
        return node;
    }

    public JsonNode optionalObject(String name) {
        JsonNode node = present(name);
        if (node != null && !node.isObject()) {
            errors.add(Violation.at("", name, "must be an object"));
            return null;
        }
        return node;
    }

    /** An array of distinct non-empty strings, empty when absent. */
    public List<String> stringList(String name, int maxItems, int maxLength) {
        JsonNode node = present(name);
        if (node == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (!node.isArray() || node.size() > maxItems) {
            errors.add(Violation.at("", name, "must be an array of at most " + maxItems + " strings"));
            return List.of();
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isEmpty() || item.asText().length() > maxLength) {
                errors.add(new Violation(
                        Violation.child(Violation.child("", name), i),
                        "must be a non-empty string of at most " + maxLength + " characters"));
            } else if (!out.contains(item.asText())) {
                out.add(item.asText());
            }
        }
        return List.copyOf(out);
    }

    /** An absolute http or https URL. */
    public String optionalUrl(String name) {
        String value = optionalString(name, HttpUrls.MAX_LENGTH);
        Optional<String> problem = value == null ? Optional.empty() : HttpUrls.problem(value, "the URL");
        if (problem.isPresent()) {
            errors.add(Violation.at("", name, problem.get()));
            return null;
        }
        return value;
    }

    /** The raw member, or null when absent or JSON null. */
    public JsonNode present(String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** Adds a violation found by the caller. */
    public void add(List<Violation> more) {
        errors.addAll(more);
    }

    public void throwIfInvalid() {
        Problem.throwIfAny(errors);
    }

    // Static readers of members nested anywhere in a body (forms and their fields), reporting
    // every problem under its pointer into {@code out} instead of throwing at the first.

    public static boolean present(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The string member {@code key}, or null when absent (a violation if {@code required}) or invalid. */
    public static String string(
            JsonNode node, String key, String pointer, boolean required, int maxLength, List<Violation> out) {
        String at = Violation.child(pointer, key);
        if (!present(node, key)) {
            if (required) {
                out.add(new Violation(at, key + " is required"));
            }
            return null;
        }
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            out.add(new Violation(at, key + " must be a string"));
            return null;
        }
        if (v.asText().length() > maxLength) {
            out.add(new Violation(at, key + " must be at most " + maxLength + " characters"));
            return null;
        }
        return v.asText();
    }

    /** A required string matching {@code pattern}, e.g. an id. */
    public static String id(JsonNode node, String key, String pointer, Pattern pattern, List<Violation> out) {
        String value = string(node, key, pointer, true, 128, out);
        if (value != null && !pattern.matcher(value).matches()) {
            out.add(Violation.at(
                    pointer,
                    key,
                    key + " must start with a letter or digit and contain only letters, "
                            + "digits, '_', '.' and '-' (at most 128 characters)"));
            return null;
        }
        return value;
    }

    /** The boolean member {@code key}, or {@code fallback} when absent or invalid. */
    public static boolean bool(JsonNode node, String key, boolean fallback, String pointer, List<Violation> out) {
        if (!present(node, key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            out.add(Violation.at(pointer, key, key + " must be true or false"));
            return fallback;
        }
        return v.booleanValue();
    }
}
