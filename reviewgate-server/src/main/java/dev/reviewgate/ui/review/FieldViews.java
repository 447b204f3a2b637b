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
    record Drafts(
            Map<String, String> rawText,
            Map<String, List<String>> errors,
            Map<String, String> instructions,
            Set<String> reruns) {
        static final Drafts NONE = new Drafts(Map.of(), Map.of(), Map.of(), Set.of());
    }

    private FieldViews() {}

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
        FieldView.Common common = common(f, review.history().wasEdited(shown, f.id()), drafts);
        String text = drafts.rawText().containsKey(f.id()) ? drafts.rawText().get(f.id()) : text(f.type(), v);
        return switch (f.type()) {
            case TEXT -> new TextView(common, text, f.options(TextOptions.class).multiline());
            case MARKDOWN -> new MarkdownView(common, text, v.isTextual() ? Markdown.render(v.asText()) : "");
            case JSON -> new JsonView(common, text);
            case NUMBER -> new NumberView(common, text);
            case BOOLEAN -> new BooleanView(common, v.asBoolean(false));
            case SELECT -> select(common, f.options(SelectOptions.class), v);
            case IMAGES ->
                new ImagesView(
                        common,
                        pictures(shown.snapshot().get(f.id()), v),
                        f.options(ImagesOptions.class).selection());
            case LINK ->
                new LinkView(common, v.path("url").asText(""), v.path("text").asText(""));
            case PAGE_GROUPS ->
                pageGroups(common, f.options(PageGroupsOptions.class).keyName(), v);
        };
    }

    private static FieldView.Common common(Field f, boolean wasEdited, Drafts drafts) {
        FieldView.Header header = new FieldView.Header(
                f.id(), f.label() == null ? f.id() : f.label(), f.description(), f.editable(), wasEdited);
        FieldView.RetryControls retry = new FieldView.RetryControls(
                f.retry().button(),
                f.retry().instructions(),
                drafts.reruns().contains(f.id()),
                drafts.instructions().getOrDefault(f.id(), ""));
        return new FieldView.Common(header, retry, drafts.errors().getOrDefault(f.id(), List.of()));
    }

    /** An open extract form has no fields: the reviewer edits the whole snapshot as one JSON text. */
    private static FieldView wholeSnapshot(JsonNode values, Drafts drafts) {
        String id = FieldView.WHOLE_SNAPSHOT;
        FieldView.Common common = new FieldView.Common(
                new FieldView.Header(id, "Extracted data", null, true, false),
                FieldView.RetryControls.NONE,
                drafts.errors().getOrDefault(id, List.of()));
        return new JsonView(common, drafts.rawText().getOrDefault(id, pretty(values)));
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

    private static SelectView select(FieldView.Common common, SelectOptions options, JsonNode v) {
        List<SelectView.Choice> choices = new ArrayList<>();
        for (SelectOptions.Option option : options.options()) {
            String value = option.value();
            boolean selected = v.isArray() ? contains(v, value) : v.asText("").equals(value);
            choices.add(new SelectView.Choice(value, option.label() == null ? value : option.label(), selected));
        }
        return new SelectView(common, choices, options.multiple());
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
    private static List<ImagesView.Picture> pictures(JsonNode source, JsonNode kept) {
        List<ImagesView.Picture> out = new ArrayList<>();
        if (source == null || !source.isArray()) {
            return out;
        }
        for (int i = 0; i < source.size(); i++) {
            String url = source.get(i).path("url").asText("");
            boolean isKept = false;
            for (JsonNode k : kept) {
                isKept |= k.path("url").asText("").equals(url);
            }
            out.add(new ImagesView.Picture(i, url, source.get(i).path("alt").asText(""), isKept));
        }
        return out;
    }

    private static PageGroupsView pageGroups(FieldView.Common common, String keyName, JsonNode v) {
        List<PageGroupsView.Group> groups = new ArrayList<>();
        for (JsonNode group : v) {
            List<String> pages = new ArrayList<>();
            group.path("pages").forEach(p -> pages.add(p.asText()));
            groups.add(new PageGroupsView.Group(group.path(keyName).asText(""), String.join(", ", pages)));
        }
        return new PageGroupsView(common, groups, keyName);
    }
}
