package dev.reviewgate.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.form.Field;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.PageGroupsOptions;
import dev.reviewgate.form.SelectOptions;
import dev.reviewgate.json.Json;
import dev.reviewgate.review.Review;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the review page's edit form back into a whole snapshot. It keeps what was typed as typed
 * (page lists are not sorted, numbers not rounded), so the server's own validation reports what is
 * wrong with a pointer, exactly as it would for an agent. Only text that cannot be read at all
 * (malformed JSON, "abc" as a number) is reported here.
 */
final class SnapshotForm {

    /** The snapshot, the raw text of every textarea, and the fields whose input could not be read. */
    record Result(ObjectNode snapshot, Map<String, String> rawText, Map<String, List<String>> errors) {}

    private SnapshotForm() {}

    static Result read(FormDefinition form, Review review, JsonNode parent, Function<String, List<String>> params) {
        ObjectNode snapshot = Json.object();
        Map<String, String> raw = new HashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (form.fields().isEmpty()) {
            String text = first(params, "f." + FieldView.WHOLE_SNAPSHOT);
            raw.put(FieldView.WHOLE_SNAPSHOT, text);
            JsonNode parsed = parseJson(text, FieldView.WHOLE_SNAPSHOT, errors);
            return new Result(parsed != null && parsed.isObject() ? (ObjectNode) parsed : Json.object(), raw, errors);
        }
        for (Field f : form.fields()) {
            if (!review.visibleFields().contains(f.id())) {
                continue;
            }
            if (!f.editable()) {
                if (parent.has(f.id())) {
                    snapshot.set(f.id(), parent.get(f.id()));
                }
                continue;
            }
            String name = "f." + f.id();
            String text = first(params, name);
            switch (f.type()) {
                case TEXT, MARKDOWN -> {
                    raw.put(f.id(), text);
                    snapshot.put(f.id(), text.replace("\r\n", "\n"));
                }
                case JSON -> {
                    raw.put(f.id(), text);
                    JsonNode parsed = text.isBlank() ? Json.MAPPER.nullNode() : parseJson(text, f.id(), errors);
                    snapshot.set(f.id(), parsed == null ? Json.MAPPER.nullNode() : parsed);
                }
                case NUMBER -> {
                    raw.put(f.id(), text);
                    snapshot.set(f.id(), number(text, f.id(), errors));
                }
                case BOOLEAN -> snapshot.put(f.id(), "true".equals(text));
                case SELECT -> snapshot.set(f.id(), select(f, params.apply(name)));
                case IMAGES -> snapshot.set(f.id(), keptImages(parent.get(f.id()), params.apply(name)));
                case LINK -> snapshot.set(f.id(), link(first(params, name + ".url"), first(params, name + ".text")));
                case PAGE_GROUPS ->
                    snapshot.set(f.id(), groups(f, params.apply(name + ".key"), params.apply(name + ".pages"), errors));
            }
        }
        return new Result(snapshot, raw, errors);
    }

    private static String first(Function<String, List<String>> params, String name) {
        List<String> values = params.apply(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static JsonNode parseJson(String text, String field, Map<String, List<String>> errors) {
        try {
            return Json.parseBody(text.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add("This is not valid JSON: " + e.getMessage());
            return null;
        }
    }

    private static JsonNode number(String text, String field, Map<String, List<String>> errors) {
        if (text.isBlank()) {
            return Json.MAPPER.nullNode();
        }
        try {
            return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add("\"" + text + "\" is not a number");
            return Json.MAPPER.nullNode();
        }
    }

    private static JsonNode select(Field f, List<String> values) {
        List<String> chosen = values == null
                ? List.of()
                : values.stream().filter(s -> !s.isEmpty()).toList();
        if (f.options(SelectOptions.class).multiple()) {
            ArrayNode out = Json.array();
            chosen.forEach(out::add);
            return out;
        }
        return chosen.isEmpty()
                ? Json.MAPPER.nullNode()
                : Json.MAPPER.getNodeFactory().textNode(chosen.get(0));
    }

    /** The parent's images whose index was ticked, in the parent's order. */
    private static JsonNode keptImages(JsonNode parent, List<String> indexes) {
        ArrayNode out = Json.array();
        if (parent == null || !parent.isArray()) {
            return out;
        }
        List<String> ticked = indexes == null ? List.of() : indexes;
        for (int i = 0; i < parent.size(); i++) {
            if (ticked.contains(Integer.toString(i))) {
                out.add(parent.get(i));
            }
        }
        return out;
    }

    private static JsonNode link(String url, String text) {
        if (url.isBlank()) {
            return Json.MAPPER.nullNode();
        }
        ObjectNode out = Json.object().put("url", url.trim());
        if (!text.isBlank()) {
            out.put("text", text);
        }
        return out;
    }

    private static JsonNode groups(Field f, List<String> keys, List<String> pages, Map<String, List<String>> errors) {
        ArrayNode out = Json.array();
        String keyName = f.options(PageGroupsOptions.class).keyName();
        for (int i = 0; keys != null && i < keys.size(); i++) {
            String key = keys.get(i).trim();
            String list = pages != null && i < pages.size() ? pages.get(i) : "";
            if (key.isEmpty() && list.isBlank()) {
                continue;
            }
            ObjectNode group = out.addObject().put(keyName, key);
            ArrayNode numbers = group.putArray("pages");
            for (String token : list.split("[,\\s]+", -1)) {
                if (token.isBlank()) {
                    continue;
                }
                try {
                    String[] range = token.split("-", 2);
                    int from = Integer.parseInt(range[0].trim());
                    int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                    for (int p = from; p <= to && p - from < 10_000; p++) {
                        numbers.add(p);
                    }
                } catch (NumberFormatException e) {
                    errors.computeIfAbsent(f.id(), k -> new ArrayList<>())
                            .add("Row " + (i + 1) + ": \"" + token + "\" is not a page or a range like 3-5");
                }
            }
        }
        return out;
    }
}
