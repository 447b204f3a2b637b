package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, normalised review template (gotoHuman's <em>form</em>), possibly expanded from a Retab
 * block preset. Build it with {@link FormParser#parse}; that is where all validation lives.
 *
 * @param id           the form id
 * @param name         the display name
 * @param blockType    {@code extract}, {@code classifier}, {@code split}, {@code for_each} or null
 * @param fields       the fields; for presets the expanded ones
 * @param schema       the root JSON Schema of an {@code extract} preset, or null
 * @param reviewPolicy the review policy, parsed with the form ({@link ReviewPolicy#ALWAYS} when none is given)
 * @param webhookUrl   the default webhook URL, or null
 * @param defaults     routing, quorum, deadline and reminders for its reviews
 */
public record FormDefinition(
        String id,
        String name,
        String blockType,
        List<Field> fields,
        JsonNode schema,
        ReviewPolicy reviewPolicy,
        String webhookUrl,
        ReviewDefaults defaults) {

    public FormDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        schema = schema == null ? null : schema.deepCopy();
        reviewPolicy = reviewPolicy == null ? ReviewPolicy.ALWAYS : reviewPolicy;
        defaults = defaults == null ? ReviewDefaults.NONE : defaults;
    }

    /** The field with this id, if the form has one. */
    public Optional<Field> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** True for an {@code extract} preset without a schema: any JSON object is a valid snapshot. */
    public boolean openShape() {
        return BlockPresets.EXTRACT.equals(blockType) && schema == null;
    }

    /**
     * The normalised definition: defaults spelled out and, for presets, the expanded fields, so a
     * reader sees exactly what snapshots are checked against. {@link FormParser#parse} accepts it back.
     */
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("name", name);
        if (blockType != null) {
            out.put("blockType", blockType);
        }
        if (BlockPresets.CLASSIFIER.equals(blockType)) {
            // Categories are not stored separately: they are the options of the one select field.
            ArrayNode categories = out.putArray("categories");
            field("category")
                    .ifPresent(f -> f.options(SelectOptions.class).options().forEach(o -> categories.add(o.value())));
        }
        if (schema != null) {
            out.set("schema", schema.deepCopy());
        }
        ArrayNode fieldArray = out.putArray("fields");
        fields.forEach(f -> fieldArray.add(f.toJson()));
        if (reviewPolicy.json() != null) {
            out.set("reviewPolicy", reviewPolicy.json().deepCopy());
        }
        if (webhookUrl != null) {
            out.put("webhookUrl", webhookUrl);
        }
        defaults.writeTo(out);
        return out;
    }
}
