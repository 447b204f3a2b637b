package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.ImagesOptions.Selection;
import dev.reviewgate.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The extra rules for a human edit, which a model's output does not have to follow: a reviewer
 * works on what the review shows, changes only what may be changed, and picks images rather than
 * inventing them.
 */
final class EditRules {

    private EditRules() {}

    static void check(
            FormDefinition form,
            JsonNode snapshot,
            JsonNode parent,
            Set<String> visibleFields,
            String pointer,
            List<Violation> out) {
        JsonNode parentSnapshot = parent == null || !parent.isObject() ? Json.object() : parent;
        for (Map.Entry<String, JsonNode> entry : snapshot.properties()) {
            Optional<Field> field = form.field(entry.getKey());
            if (field.isEmpty()) {
                continue; // unknown keys are already reported, or allowed by an open extract shape
            }
            String at = Violation.child(pointer, entry.getKey());
            if (!visibleFields.contains(entry.getKey())) {
                out.add(new Violation(at, "field \"" + entry.getKey() + "\" is not part of this review"));
                continue;
            }
            JsonNode before = parentSnapshot.get(entry.getKey());
            if (!field.get().editable() && !JsonChecks.jsonEquals(before, entry.getValue())) {
                out.add(new Violation(at, "field \"" + entry.getKey() + "\" is not editable"));
            } else if (field.get().type() == FieldType.IMAGES) {
                checkImages(field.get(), entry.getValue(), before, at, out);
            }
        }
        // Dropping a non-editable field is a change too: its value would silently vanish downstream.
        for (Field field : form.fields()) {
            if (!field.editable() && parentSnapshot.has(field.id()) && !snapshot.has(field.id())) {
                out.add(Violation.at(pointer, field.id(), "field \"" + field.id() + "\" is not editable"));
            }
        }
    }

    /** The reviewer keeps a subset of the parent's images, as the field's selection mode allows. */
    private static void checkImages(Field field, JsonNode kept, JsonNode before, String at, List<Violation> out) {
        if (!kept.isArray()) {
            return; // the shape check has already refused it
        }
        Selection selection = field.options(ImagesOptions.class).selection();
        if (selection == Selection.NONE) {
            if (!JsonChecks.jsonEquals(before, kept)) {
                out.add(new Violation(at, "images of this field cannot be changed (selection is none)"));
            }
            return;
        }
        if (selection == Selection.SINGLE && kept.size() > 1) {
            out.add(new Violation(at, "at most one image may be kept (selection is single)"));
        }
        Set<String> offered = new HashSet<>();
        if (before != null) {
            before.forEach(image -> offered.add(image.path("url").asText()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < kept.size(); i++) {
            String url = kept.get(i).path("url").asText();
            if (!offered.contains(url)) {
                out.add(new Violation(Violation.child(at, i) + "/url", "image " + url + " was not offered for review"));
            } else if (!seen.add(url)) {
                out.add(new Violation(Violation.child(at, i) + "/url", "image " + url + " is kept twice"));
            }
        }
    }
}
