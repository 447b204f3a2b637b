package dev.reviewgate.form;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import java.util.Objects;

/**
 * One typed field of a form; a snapshot holds its value under {@link #id()}.
 *
 * @param id          unique within the form, the key in snapshots
 * @param type        what the value must look like
 * @param label       shown to the reviewer; may be null
 * @param description help text; may be null
 * @param required    the key must be present in every snapshot
 * @param editable    a reviewer may change the value
 * @param nullable    {@code null} is an acceptable value
 * @param retry       which retry requests a reviewer may send for this field
 * @param options     the type-specific options with their defaults, of the record
 *                    {@link FieldOptions#kindOf} names for {@code type}
 */
public record Field(
        String id,
        FieldType type,
        String label,
        String description,
        boolean required,
        boolean editable,
        boolean nullable,
        Retry retry,
        FieldOptions options) {

    public Field {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(options, "options");
        if (!FieldOptions.kindOf(type).isInstance(options)) {
            throw new IllegalArgumentException("a " + type.jsonName() + " field cannot have " + options);
        }
    }

    /**
     * The options as the record of this field's type, e.g. {@code options(SelectOptions.class)} of a
     * select field; asking for another type's record is a programming error.
     */
    public <T extends FieldOptions> T options(Class<T> kind) {
        return kind.cast(options);
    }

    /** The normalised JSON of this field, accepted back by {@link FormParser}. */
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("type", type.jsonName());
        if (label != null) {
            out.put("label", label);
        }
        if (description != null) {
            out.put("description", description);
        }
        out.put("required", required);
        out.put("editable", editable);
        out.put("nullable", nullable);
        ObjectNode r = out.putObject("retry");
        r.put("button", retry.button());
        r.put("instructions", retry.instructions());
        FieldOptionsJson.write(options, out);
        return out;
    }
}
