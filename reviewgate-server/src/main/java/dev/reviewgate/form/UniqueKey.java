package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A string that is equal for two JSON values exactly when {@link JsonChecks#jsonEquals} holds, so
 * uniqueness checks run in linear time with a hash set instead of comparing every pair.
 */
final class UniqueKey {

    private UniqueKey() {}

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node.isNumber()) {
            // 1, 1.0 and 1e0 are one number; toString (not toPlainString) keeps 1e999999 short.
            out.append('n')
                    .append(
                            JsonChecks.isFiniteNumber(node)
                                    ? node.decimalValue().stripTrailingZeros().toString()
                                    : String.valueOf(node.doubleValue()));
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(item -> {
                append(item, out);
                out.append(',');
            });
            out.append(']');
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            out.append('{');
            for (String key : keys) {
                out.append(TextNode.valueOf(key)).append(':');
                append(node.get(key), out);
                out.append(',');
            }
            out.append('}');
        } else {
            out.append(node.toString());
        }
    }
}
