package dev.reviewgate.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.form.Field;
import dev.reviewgate.form.FieldType;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.ImagesOptions;
import dev.reviewgate.form.PageGroupsOptions;
import dev.reviewgate.form.SelectOptions;
import dev.reviewgate.form.TextOptions;
import dev.reviewgate.json.Json;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the {@link FieldView}s of a review page from a snapshot (a version's, or what was just typed). */
final class FieldViews {

    /** What the reviewer typed and what went wrong with it, to show again after a refused request. */
    record Drafts(Map<String, String> rawText, Map<String, List<String>> errors, Map<String, String> instructions,
                  Set<String> reruns) {
        static final Drafts NONE = new Drafts(Map.of(), Map.of(), Map.of(), Set.of());
    }

    private FieldViews() {
    }

    static List<FieldView> of(FormDefinition form, Review review, Version shown, JsonNode values, Drafts drafts) {
        List<FieldView> out = new ArrayList<>();
        if (form.fields().isEmpty()) {
            out.add(wholeSnapshot(values, drafts));
            return out;
        }
        for (Field field : form.fields()) {
            if (review.visibleFields().contains(field.id())) {
                out.add(view(field, review, shown, values.get(field.id()), drafts));
            }
        }
        return out;
    }

    private static FieldView view(Field f, Review review, Version shown, JsonNode value, Drafts drafts) {
        JsonNode v = value == null ? Json.MAPPER.nullNode() : value;
        String text = drafts.rawText().containsKey(f.id()) ? drafts.rawText().get(f.id()) : text(f.type(), v);
        String html = f.type() == FieldType.MARKDOWN && v.isTextual() ? Markdown.render(v.asText()) : "";
        // Each type reads its own options; the values given for other types are never shown.
        boolean multiline = f.options() instanceof TextOptions t && t.multiline();
        boolean multiple = f.options() instanceof SelectOptions s && s.multiple();
        String selection = f.options() instanceof ImagesOptions i ? i.selection().jsonName() : "none";
        String keyName = f.options() instanceof PageGroupsOptions p ? p.keyName() : "";
        return new FieldView(f.id(), f.label() == null ? f.id() : f.label(), f.type().jsonName(), f.description(),
                f.editable(), f.retry().button(), f.retry().instructions(), review.wasEdited(shown, f.id()), text, html,
                multiline, v.asBoolean(false), choices(f, v), multiple, pictures(shown.snapshot().get(f.id()), v),
                selection, v.path("url").asText(""), v.path("text").asText(""), groups(keyName, v), keyName,
                drafts.errors().getOrDefault(f.id(), List.of()), drafts.instructions().getOrDefault(f.id(), ""),
                drafts.reruns().contains(f.id()));
    }

    private static FieldView wholeSnapshot(JsonNode values, Drafts drafts) {
        String id = FieldView.WHOLE_SNAPSHOT;
        String text = drafts.rawText().getOrDefault(id, pretty(values));
        return new FieldView(id, "Extracted data", "json", null, true, false, false, false, text, "", true, false,
                List.of(), false, List.of(), "none", "", "", List.of(), "name", drafts.errors().getOrDefault(id, List.of()),
                "", false);
    }

    private static String text(FieldType type, JsonNode v) {
        if (v.isNull()) {
            return "";
        }
        return switch (type) {
            case TEXT, MARKDOWN -> v.asText();
            case NUMBER -> v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
            case JSON -> pretty(v);
            default -> "";
        };
    }

    static String pretty(JsonNode v) {
        return Json.pretty(v);
    }

    private static List<FieldView.Choice> choices(Field f, JsonNode v) {
        List<FieldView.Choice> out = new ArrayList<>();
        if (!(f.options() instanceof SelectOptions select)) {
            return out;
        }
        for (SelectOptions.Option option : select.options()) {
            String value = option.value();
            boolean selected = v.isArray() ? contains(v, value) : v.asText("").equals(value);
            out.add(new FieldView.Choice(value, option.label() == null ? value : option.label(), selected));
        }
        return out;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The images of the version on screen; a picture is kept when the shown value still has its URL. */
    private static List<FieldView.Picture> pictures(JsonNode source, JsonNode kept) {
        List<FieldView.Picture> out = new ArrayList<>();
        if (source == null || !source.isArray()) {
            return out;
        }
        for (int i = 0; i < source.size(); i++) {
            String url = source.get(i).path("url").asText("");
            boolean isKept = false;
            for (JsonNode k : kept) {
                isKept |= k.path("url").asText("").equals(url);
            }
            out.add(new FieldView.Picture(i, url, source.get(i).path("alt").asText(""), isKept));
        }
        return out;
    }

    private static List<FieldView.Group> groups(String keyName, JsonNode v) {
        List<FieldView.Group> out = new ArrayList<>();
        for (JsonNode group : v) {
            List<String> pages = new ArrayList<>();
            group.path("pages").forEach(p -> pages.add(p.asText()));
            out.add(new FieldView.Group(group.path(keyName).asText(""), String.join(", ", pages)));
        }
        return out;
    }
}
