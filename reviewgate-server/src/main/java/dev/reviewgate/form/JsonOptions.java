package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The options of a {@code json} field.
 *
 * @param schema the JSON Schema (subset) every value must satisfy, or null for any JSON
 */
public record JsonOptions(JsonNode schema) implements FieldOptions {

    public JsonOptions {
        // Defensive copy: the record must not change when the caller reuses its node.
        schema = schema == null ? null : schema.deepCopy();
    }

    /** A copy of the schema, so callers cannot mutate this field through the accessor; or null. */
    @Override
    public JsonNode schema() {
        return schema == null ? null : schema.deepCopy();
    }
}
