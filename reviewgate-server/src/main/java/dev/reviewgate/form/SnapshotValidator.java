package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a snapshot (a JSON object keyed by field id) matches its form. Nothing is normalised:
 * versions store exactly what was sent, so the only possible answers are "valid" or violations.
 */
public final class SnapshotValidator {

    /**
     * Violations split by origin.
     *
     * @param shape  the snapshot does not fit the form itself: unknown or missing keys, wrong JSON
     *               type for the field type, bad page lists, select values, URLs
     * @param schema the shape fits but a JSON Schema constraint fails (a {@code json} field's
     *               {@code schema} or an {@code extract} schema); a review policy with
     *               {@code validation_failed} may open a review for these instead of refusing
     */
    public record Result(List<Violation> shape, List<Violation> schema) {

        public Result {
            shape = List.copyOf(shape);
            schema = List.copyOf(schema);
        }

        /** Shape violations first, then schema violations. */
        public List<Violation> all() {
            List<Violation> all = new ArrayList<>(shape);
            all.addAll(schema);
            return List.copyOf(all);
        }

        public boolean valid() {
            return shape.isEmpty() && schema.isEmpty();
        }
    }

    private SnapshotValidator() {}

    /** Every violation of {@code snapshot} against {@code form}, located under {@code pointer}. */
    public static List<Violation> validate(FormDefinition form, JsonNode snapshot, String pointer) {
        return check(form, snapshot, pointer).all();
    }

    /** Like {@link #validate} but tells shape problems from JSON Schema constraint failures. */
    public static Result check(FormDefinition form, JsonNode snapshot, String pointer) {
        List<Violation> shape = new ArrayList<>();
        List<Violation> schema = new ArrayList<>();
        if (snapshot == null || !snapshot.isObject()) {
            shape.add(new Violation(pointer, "a snapshot must be a JSON object keyed by field id"));
            return new Result(shape, schema);
        }
        if (form.openShape()) {
            return new Result(shape, schema);
        }
        for (Map.Entry<String, JsonNode> entry : snapshot.properties()) {
            String at = Violation.child(pointer, entry.getKey());
            Optional<Field> field = form.field(entry.getKey());
            if (field.isPresent()) {
                checkField(form, field.get(), entry.getValue(), at, shape, schema);
            } else {
                checkExtraKey(form, entry.getKey(), entry.getValue(), at, shape, schema);
            }
        }
        for (Field field : form.fields()) {
            if (field.required() && !snapshot.has(field.id())) {
                shape.add(Violation.at(pointer, field.id(), "missing required field \"" + field.id() + "\""));
            }
        }
        if (form.schema() != null) {
            // An extract schema may require a key it does not describe (allowed via additionalProperties).
            for (JsonNode name : form.schema().path("required")) {
                if (form.field(name.asText()).isEmpty() && !snapshot.has(name.asText())) {
                    shape.add(Violation.at(pointer, name.asText(), "missing required field \"" + name.asText() + "\""));
                }
            }
        }
        return new Result(shape, schema);
    }

    /**
     * {@link #validate} plus the rules for a human edit of {@code parentSnapshot}: only fields shown
     * in this review, no change to non-editable fields, images only picked from the parent's.
     *
     * @param visibleFields the ids of the fields sent when the review was created
     */
    public static List<Violation> validateEdit(
            FormDefinition form,
            JsonNode snapshot,
            JsonNode parentSnapshot,
            Set<String> visibleFields,
            String pointer) {
        Objects.requireNonNull(visibleFields, "visibleFields");
        List<Violation> out = new ArrayList<>(validate(form, snapshot, pointer));
        if (snapshot != null && snapshot.isObject()) {
            EditRules.check(form, snapshot, parentSnapshot, visibleFields, pointer, out);
        }
        return out;
    }

    private static void checkField(
            FormDefinition form,
            Field field,
            JsonNode value,
            String at,
            List<Violation> shape,
            List<Violation> schema) {
        if (value.isNull()) {
            if (!field.nullable()) {
                shape.add(new Violation(at, "field \"" + field.id() + "\" must not be null"));
            }
            return; // null means "no value": schema constraints describe values, not their absence
        }
        if (!FieldValues.check(field, value, at, shape)) {
            return; // a schema complaint about a value of the wrong kind would only add noise
        }
        JsonNode fieldSchema = schemaOf(form, field);
        if (fieldSchema != null) {
            schema.addAll(JsonSchemaSubset.validate(fieldSchema, value, at));
        }
    }

    /** The JSON Schema a value of {@code field} must satisfy, or null. */
    private static JsonNode schemaOf(FormDefinition form, Field field) {
        if (BlockPresets.EXTRACT.equals(form.blockType())) {
            return form.schema().path("properties").get(field.id());
        }
        return field.options() instanceof JsonOptions json ? json.schema() : null;
    }

    /**
     * A key that is no field. Only an extract schema can allow it, and unlike plain JSON Schema a
     * missing {@code additionalProperties} means false there, so a typo in a key is caught.
     */
    private static void checkExtraKey(
            FormDefinition form, String key, JsonNode value, String at, List<Violation> shape, List<Violation> schema) {
        JsonNode additional = form.schema() == null ? null : form.schema().get("additionalProperties");
        if (additional != null && additional.isObject()) {
            schema.addAll(JsonSchemaSubset.validate(additional, value, at));
        } else if (additional == null || !additional.asBoolean(false)) {
            shape.add(new Violation(at, "unknown field \"" + key + "\""));
        }
    }
}
