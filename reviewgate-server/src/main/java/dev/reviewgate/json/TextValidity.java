package dev.reviewgate.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds strings and member names a request may not hold, so both databases answer alike:
 * <ul>
 * <li>an unpaired UTF-16 surrogate ({@code "\ud800"}, a reversed pair): JSON's escapes can spell
 * one, but it is no Unicode text; RFC 8785 requires refusing it, and UTF-8 storage turned each
 * into {@code ?}, so different bodies shared a version id;
 * <li>U+0000: PostgreSQL text cannot hold it (a 500 there, stored on SQLite).
 * </ul>
 */
final class TextValidity {

    private TextValidity() {}

    /** One violation per offending string; a bad member name is reported at its object. */
    static List<Violation> find(JsonNode node) {
        List<Violation> out = new ArrayList<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String pointer, List<Violation> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String problem = problem(member.getKey());
                if (problem != null) {
                    // The name cannot be part of a pointer that is itself valid text.
                    out.add(new Violation(pointer, "a member name holds " + problem));
                } else {
                    collect(member.getValue(), Violation.child(pointer, member.getKey()), out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), Violation.child(pointer, i), out);
            }
        } else if (node.isTextual()) {
            String problem = problem(node.textValue());
            if (problem != null) {
                out.add(new Violation(pointer, "the string holds " + problem));
            }
        }
    }

    /** What is wrong with {@code s}, or null. */
    private static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format(
                        "an unpaired surrogate \\u%04x at character %d; strings must be valid Unicode (RFC 8785)",
                        (int) c, i);
            } else if (c == '\0') {
                return "U+0000 at character " + i + "; strings cannot contain NUL";
            }
        }
        return null;
    }
}
