package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads typed members of a form body, recording a violation (and returning a fallback) instead of
 * throwing, so one parse reports every problem at once. A JSON {@code null} counts as absent.
 */
final class BodyReader {

    private BodyReader() {
    }

    static boolean present(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The string member {@code key}, or null when absent (a violation if {@code required}) or invalid. */
    static String string(JsonNode node, String key, String pointer, boolean required, int maxLength,
                         List<Violation> out) {
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
    static String id(JsonNode node, String key, String pointer, Pattern pattern, List<Violation> out) {
        String value = string(node, key, pointer, true, 128, out);
        if (value != null && !pattern.matcher(value).matches()) {
            out.add(Violation.at(pointer, key, key + " must start with a letter or digit and contain only letters, "
                    + "digits, '_', '.' and '-' (at most 128 characters)"));
            return null;
        }
        return value;
    }

    /** The boolean member {@code key}, or {@code fallback} when absent or invalid. */
    static boolean bool(JsonNode node, String key, boolean fallback, String pointer, List<Violation> out) {
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
