package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JCS) serialisation of a Jackson tree, written here because the SDK may depend on
 * Jackson only: object members sorted by their UTF-16 code units, no whitespace, numbers as
 * ECMAScript prints doubles, and the minimal string escaping of §3.2.2.2.
 */
final class CanonicalJson {

    private static final BigInteger MAX_SAFE = BigInteger.ONE.shiftLeft(53);

    private CanonicalJson() {
    }

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isNumber()) {
            out.append(EcmaNumbers.format(toDouble(node)));
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isObject()) {
            object(node, out);
        } else {
            throw new IllegalArgumentException("no canonical JSON for a " + node.getNodeType() + " node");
        }
    }

    private static void object(JsonNode node, StringBuilder out) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        // String.compareTo compares UTF-16 code units, which is exactly JCS's order.
        names.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(names.get(i), out);
            out.append(':');
            write(node.get(names.get(i)), out);
        }
        out.append('}');
    }

    private static double toDouble(JsonNode number) {
        if (number.isIntegralNumber()) {
            // The server refuses these (a double cannot hold them), so an id for them would match nothing.
            if (number.bigIntegerValue().abs().compareTo(MAX_SAFE) > 0) {
                throw new IllegalArgumentException("integer " + number.asText()
                        + " is beyond ±2^53 and cannot be represented in canonical JSON");
            }
            return number.doubleValue();
        }
        if (number.isFloat()) {
            // A Java float is sent as its own shortest text (0.1f → "0.1"), so hash that value, not its widening.
            return Double.parseDouble(Float.toString(number.floatValue()));
        }
        return number.doubleValue();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
