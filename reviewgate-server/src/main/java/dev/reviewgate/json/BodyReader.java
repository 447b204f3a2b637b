package dev.reviewgate.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the members of a request object, collecting one violation per problem (unknown member,
 * missing member, wrong type, too long) so a client learns everything wrong in one 422.
 */
public final class BodyReader {

    public static final int MAX_URL_LENGTH = 2048;

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
                reader.errors.add(Violation.at("", name, "unknown member; allowed: " + allowed.stream().sorted().toList()));
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
                errors.add(new Violation(Violation.child(Violation.child("", name), i),
                        "must be a non-empty string of at most " + maxLength + " characters"));
            } else if (!out.contains(item.asText())) {
                out.add(item.asText());
            }
        }
        return List.copyOf(out);
    }

    /** An absolute http or https URL. */
    public String optionalUrl(String name) {
        String value = optionalString(name, MAX_URL_LENGTH);
        if (value != null && !isHttpUrl(value)) {
            errors.add(Violation.at("", name, "must be an absolute http or https URL"));
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

    public static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (Exception e) {
            return false;
        }
    }
}
