package dev.reviewgate.form;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;

/**
 * A JSON Schema (draft 2020-12) of the snapshots a form accepts, for agents that fill a form in:
 * one property per field with its type, label and description, the required fields, and nothing
 * else. The server's own checks stay the authority; this is their description.
 */
public final class SnapshotSchema {

    private SnapshotSchema() {}

    public static ObjectNode of(FormDefinition form) {
        if (form.openShape()) {
            return Json.object().put("type", "object").put("title", form.name());
        }
        if (form.schema() != null) {
            ObjectNode schema = form.schema().deepCopy();
            schema.put("title", form.name());
            return schema;
        }
        ObjectNode out = Json.object()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("type", "object")
                .put("title", form.name());
        ObjectNode properties = out.putObject("properties");
        ArrayNode required = out.putArray("required");
        for (Field field : form.fields()) {
            ObjectNode property = value(field);
            if (field.label() != null) {
                property.put("title", field.label());
            }
            if (field.description() != null) {
                property.put("description", field.description());
            }
            if (!field.editable()) {
                property.put("readOnly", true);
            }
            properties.set(field.id(), field.nullable() ? nullable(property) : property);
            if (field.required()) {
                required.add(field.id());
            }
        }
        out.put("additionalProperties", false);
        return out;
    }

    private static ObjectNode value(Field field) {
        return switch (field.type()) {
            case TEXT -> Json.object().put("type", "string").put("maxLength", FieldValues.MAX_TEXT_LENGTH);
            case MARKDOWN ->
                Json.object()
                        .put("type", "string")
                        .put("contentMediaType", "text/markdown")
                        .put("maxLength", FieldValues.MAX_TEXT_LENGTH);
            case JSON -> {
                JsonOptions options = field.options(JsonOptions.class);
                yield options.schema() != null && options.schema().isObject()
                        ? (ObjectNode) options.schema()
                        : Json.object();
            }
            case NUMBER -> Json.object().put("type", "number");
            case BOOLEAN -> Json.object().put("type", "boolean");
            case SELECT -> select(field.options(SelectOptions.class));
            case IMAGES -> {
                ObjectNode images = Json.object().put("type", "array");
                images.set("items", urlObject("alt"));
                yield images;
            }
            case LINK -> urlObject("text");
            case PAGE_GROUPS -> {
                String key = field.options(PageGroupsOptions.class).keyName();
                ObjectNode groups = Json.object().put("type", "array");
                ObjectNode item = groups.putObject("items").put("type", "object");
                ObjectNode props = item.putObject("properties");
                props.putObject(key).put("type", "string");
                ObjectNode pages = props.putObject("pages").put("type", "array");
                pages.putObject("items").put("type", "integer").put("minimum", 1);
                item.putArray("required").add(key).add("pages");
                yield groups;
            }
        };
    }

    private static ObjectNode select(SelectOptions options) {
        ObjectNode one = Json.object().put("type", "string");
        ArrayNode values = one.putArray("enum");
        options.options().forEach(o -> values.add(o.value()));
        if (!options.multiple()) {
            return one;
        }
        ObjectNode many = Json.object().put("type", "array").put("uniqueItems", true);
        many.set("items", one);
        return many;
    }

    private static ObjectNode urlObject(String captionKey) {
        ObjectNode out = Json.object().put("type", "object");
        ObjectNode props = out.putObject("properties");
        props.putObject("url").put("type", "string").put("format", "uri");
        props.putObject(captionKey).put("type", "string").put("maxLength", FieldValues.MAX_CAPTION_LENGTH);
        out.putArray("required").add("url");
        out.put("additionalProperties", false);
        return out;
    }

    private static ObjectNode nullable(ObjectNode schema) {
        ObjectNode out = Json.object();
        ArrayNode anyOf = out.putArray("anyOf");
        anyOf.add(schema);
        anyOf.addObject().put("type", "null");
        return out;
    }
}
