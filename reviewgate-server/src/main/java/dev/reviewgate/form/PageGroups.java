package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@code pageGroups} value (Retab's split documents and for-each partitions):
 * {@code [{<keyName>: "...", "pages": [1, 2]}]}. Each problem with a page list gets its own message,
 * because "sorted", "unique" and "positive" call for different fixes by the reviewer or the model.
 */
final class PageGroups {

    private PageGroups() {}

    static void check(String keyName, JsonNode value, String at, List<Violation> out) {
        if (!value.isArray()) {
            out.add(new Violation(
                    at,
                    "must be an array of {\"" + keyName + "\", \"pages\"} objects, got " + JsonChecks.typeName(value)));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode group = value.get(i);
            String groupAt = Violation.child(at, i);
            if (!group.isObject()) {
                out.add(new Violation(groupAt, "must be an object {\"" + keyName + "\", \"pages\"}"));
                continue;
            }
            JsonChecks.unknownKeys(group, Set.of(keyName, "pages"), groupAt, out);
            checkKey(keyName, group.get(keyName), Violation.child(groupAt, keyName), keys, out);
            checkPages(group.get("pages"), groupAt + "/pages", out);
        }
    }

    private static void checkKey(String keyName, JsonNode key, String at, Set<String> seen, List<Violation> out) {
        if (key == null) {
            out.add(new Violation(at, keyName + " is required"));
        } else if (!key.isTextual() || key.asText().isEmpty()) {
            out.add(new Violation(at, keyName + " must be a non-empty string"));
        } else if (!seen.add(key.asText())) {
            out.add(new Violation(at, "duplicate " + keyName + " \"" + key.asText() + "\""));
        }
    }

    private static void checkPages(JsonNode pages, String at, List<Violation> out) {
        if (pages == null) {
            out.add(new Violation(at, "pages is required"));
            return;
        }
        if (!pages.isArray() || pages.isEmpty()) {
            out.add(new Violation(at, "pages must be a non-empty array of page numbers"));
            return;
        }
        Set<Long> seen = new HashSet<>();
        long highest = 0;
        for (int i = 0; i < pages.size(); i++) {
            JsonNode page = pages.get(i);
            String pageAt = Violation.child(at, i);
            if (!JsonChecks.isInteger(page) || !page.canConvertToLong()) {
                out.add(new Violation(pageAt, "a page number must be an integer"));
                continue;
            }
            long n = page.decimalValue().longValue();
            if (n < 1) {
                out.add(new Violation(pageAt, "page numbers start at 1"));
            } else if (!seen.add(n)) {
                out.add(new Violation(pageAt, "duplicate page " + n));
            } else if (n < highest) {
                out.add(new Violation(pageAt, "pages must be sorted in increasing order"));
            }
            highest = Math.max(highest, n);
        }
    }
}
