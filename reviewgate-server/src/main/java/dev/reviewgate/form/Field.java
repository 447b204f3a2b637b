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
 * @param options     the type-specific options, normalised with their defaults
 *                    ({@code multiline}, {@code schema}, {@code options}, {@code multiple},
 *                    {@code selection}, {@code keyName}); never null
 */
public record Field(String id, FieldType type, String label, String description, boolean required,
                    boolean editable, boolean nullable, Retry retry, ObjectNode options) {

    public Field {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(retry, "retry");
        // Defensive copy: the record must not change when the caller reuses its node.
        options = options == null ? Json.object() : options.deepCopy();
    }

    /** A copy of the options, so callers cannot mutate this field through the accessor. */
    @Override
    public ObjectNode options() {
        return options.deepCopy();
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
        out.setAll(options.deepCopy());
        return out;
    }
}
