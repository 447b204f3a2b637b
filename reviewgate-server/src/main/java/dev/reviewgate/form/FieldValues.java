package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that a non-null value has the shape its field type demands. */
final class FieldValues {

    static final int MAX_TEXT_LENGTH = 1_000_000;
    static final int MAX_CAPTION_LENGTH = 2_000;

    private FieldValues() {}

    /** True when {@code value} fits {@code field}; otherwise violations were added to {@code out}. */
    static boolean check(Field field, JsonNode value, String at, List<Violation> out) {
        int before = out.size();
        switch (field.type()) {
            case TEXT, MARKDOWN -> text(value, at, out);
            case JSON -> {
                /* any JSON; its schema, if any, is checked by the caller */
            }
            case NUMBER -> {
                if (!JsonChecks.isFiniteNumber(value)) {
                    out.add(new Violation(at, "must be a number, got " + JsonChecks.typeName(value)));
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    out.add(new Violation(at, "must be true or false, got " + JsonChecks.typeName(value)));
                }
            }
            case SELECT -> select(field.options(SelectOptions.class), value, at, out);
            case IMAGES -> images(value, at, out);
            case LINK -> link(value, at, out);
            case PAGE_GROUPS ->
                PageGroups.check(field.options(PageGroupsOptions.class).keyName(), value, at, out);
        }
        return out.size() == before;
    }

    private static void text(JsonNode value, String at, List<Violation> out) {
        if (!value.isTextual()) {
            out.add(new Violation(at, "must be a string, got " + JsonChecks.typeName(value)));
        } else if (value.asText().length() > MAX_TEXT_LENGTH) {
            out.add(new Violation(at, "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
    }

    private static void select(SelectOptions options, JsonNode value, String at, List<Violation> out) {
        Set<String> allowed = new HashSet<>();
        options.options().forEach(o -> allowed.add(o.value()));
        if (!options.multiple()) {
            selectOne(allowed, value, at, out);
            return;
        }
        if (!value.isArray()) {
            out.add(new Violation(at, "must be an array of option values, got " + JsonChecks.typeName(value)));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            String itemAt = Violation.child(at, i);
            if (selectOne(allowed, value.get(i), itemAt, out)
                    && !seen.add(value.get(i).asText())) {
                out.add(new Violation(itemAt, "\"" + value.get(i).asText() + "\" is selected twice"));
            }
        }
    }

    private static boolean selectOne(Set<String> allowed, JsonNode value, String at, List<Violation> out) {
        if (!value.isTextual()) {
            out.add(new Violation(at, "must be an option value (a string), got " + JsonChecks.typeName(value)));
            return false;
        }
        if (!allowed.contains(value.asText())) {
            out.add(new Violation(at, "\"" + value.asText() + "\" is not one of the options"));
            return false;
        }
        return true;
    }

    private static void images(JsonNode value, String at, List<Violation> out) {
        if (!value.isArray()) {
            out.add(new Violation(
                    at, "must be an array of {\"url\", \"alt\"?} objects, got " + JsonChecks.typeName(value)));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            urlObject(value.get(i), "alt", Violation.child(at, i), out);
        }
    }

    private static void link(JsonNode value, String at, List<Violation> out) {
        urlObject(value, "text", at, out);
    }

    /** Images and links share a shape: an http(s) {@code url} plus one optional caption string. */
    private static void urlObject(JsonNode value, String captionKey, String at, List<Violation> out) {
        if (!value.isObject()) {
            out.add(new Violation(
                    at, "must be an object {\"url\", \"" + captionKey + "\"?}, got " + JsonChecks.typeName(value)));
            return;
        }
        JsonChecks.unknownKeys(value, Set.of("url", captionKey), at, out);
        JsonNode url = value.get("url");
        if (url == null) {
            out.add(new Violation(at + "/url", "url is required"));
        } else if (!url.isTextual()) {
            out.add(new Violation(at + "/url", "url must be a string"));
        } else {
            String problem = JsonChecks.httpUrlProblem(url.asText());
            if (problem != null) {
                out.add(new Violation(at + "/url", problem));
            }
        }
        JsonNode caption = value.get(captionKey);
        if (caption != null && (!caption.isTextual() || caption.asText().length() > MAX_CAPTION_LENGTH)) {
            out.add(new Violation(
                    at + "/" + captionKey,
                    captionKey + " must be a string of at most " + MAX_CAPTION_LENGTH + " characters"));
        }
    }
}
