package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.net.HttpUrls;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Small JSON checks shared by the form parser and the snapshot validator. */
final class JsonChecks {

    /** Ids of forms, fields and page-group keys: safe in URLs, logs and JSON Pointers. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private JsonChecks() {}

    /** One violation per key of {@code node} that is not in {@code allowed}, pointing at the key. */
    static void unknownKeys(JsonNode node, Set<String> allowed, String pointer, List<Violation> out) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                out.add(Violation.at(pointer, key, "unknown key \"" + key + "\""));
            }
        }
    }

    /** Null when {@code url} is an absolute http(s) URL with a host, else why it is not. */
    static String httpUrlProblem(String url) {
        return HttpUrls.problem(url, "URL").orElse(null);
    }

    /** The JSON type of a node as a JSON Schema type name, for messages. */
    static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** A JSON number that is neither NaN nor infinite (the mapper accepts those literals). */
    static boolean isFiniteNumber(JsonNode node) {
        return node.isNumber() && (!(node.isDouble() || node.isFloat()) || Double.isFinite(node.doubleValue()));
    }

    /** A finite number with no fractional part: JSON Schema's {@code integer}, so 2.0 counts. */
    static boolean isInteger(JsonNode node) {
        if (!isFiniteNumber(node)) {
            return false;
        }
        if (node.isIntegralNumber()) {
            return true;
        }
        BigDecimal d = node.decimalValue();
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /**
     * JSON equality as the content hash sees it: numbers compare by value (1, 1.0 and 1e0 are one
     * number in RFC 8785), objects ignore key order. Jackson's equals would call them different.
     */
    static boolean jsonEquals(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.isNumber() && b.isNumber()) {
            if (!isFiniteNumber(a) || !isFiniteNumber(b)) {
                return a.doubleValue() == b.doubleValue()
                        || (Double.isNaN(a.doubleValue()) && Double.isNaN(b.doubleValue()));
            }
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!jsonEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!jsonEquals(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
