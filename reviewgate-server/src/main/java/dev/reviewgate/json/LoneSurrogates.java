package dev.reviewgate.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds strings and member names holding an unpaired UTF-16 surrogate ({@code "\ud800"}, a
 * reversed pair). JSON's escapes can spell one, but it is no Unicode text: RFC 8785 requires
 * refusing it, and UTF-8 storage would turn each into {@code ?}, so different bodies would share a
 * version id.
 */
final class LoneSurrogates {

    private LoneSurrogates() {
    }

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
                int bad = unpaired(member.getKey());
                if (bad >= 0) {
                    // The name cannot be part of a pointer that is itself valid text.
                    out.add(new Violation(pointer, "a member name holds " + describe(member.getKey(), bad)));
                } else {
                    collect(member.getValue(), Violation.child(pointer, member.getKey()), out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), Violation.child(pointer, i), out);
            }
        } else if (node.isTextual()) {
            int bad = unpaired(node.textValue());
            if (bad >= 0) {
                out.add(new Violation(pointer, "the string holds " + describe(node.textValue(), bad)));
            }
        }
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1. */
    static int unpaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(String s, int index) {
        return String.format("an unpaired surrogate \\u%04x at character %d; strings must be valid Unicode (RFC 8785)",
                (int) s.charAt(index), index);
    }
}
