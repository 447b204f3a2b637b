package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.json.Json;
import dev.reviewgate.net.HttpUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a form body ({@code POST /v1/forms}) into a {@link FormDefinition}, or refuses it with a
 * 422 listing every problem with a JSON Pointer into the body. Block presets are expanded here.
 */
public final class FormParser {

    static final Set<String> FORM_KEYS = Set.of(
            "id",
            "name",
            "fields",
            "blockType",
            "schema",
            "categories",
            "reviewPolicy",
            "webhookUrl",
            "routing",
            "approvals",
            "deadline",
            "remind",
            "notify");
    static final int MAX_NAME_LENGTH = 200;

    private FormParser() {}

    /**
     * Parses and normalises {@code body}.
     *
     * @throws Problem a 422 with one violation per problem
     */
    public static FormDefinition parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.invalid("", "a form must be a JSON object");
        }
        List<Violation> out = new ArrayList<>();
        JsonChecks.unknownKeys(body, FORM_KEYS, "", out);
        String id = BodyReader.id(body, "id", "", JsonChecks.ID, out);
        String name = BodyReader.string(body, "name", "", true, MAX_NAME_LENGTH, out);
        if (name != null && name.isBlank()) {
            out.add(new Violation("/name", "name must not be empty"));
        }
        String webhookUrl = webhookUrl(body, out);
        ReviewPolicy reviewPolicy = ReviewPolicy.parse(reviewPolicy(body, out), "/reviewPolicy", out);
        ReviewDefaults defaults = ReviewDefaults.parse(body, out);
        String blockType = BodyReader.string(body, "blockType", "", false, 32, out);
        List<Field> fields;
        JsonNode schema = null;
        if (blockType == null && BodyReader.present(body, "blockType")) {
            fields = List.of(); // blockType is malformed (already reported): which fields apply is unknown
        } else if (blockType == null) {
            refuseWithoutPreset(body, "schema", "schema is only allowed with blockType \"extract\"", out);
            refuseWithoutPreset(body, "categories", "categories are only allowed with blockType \"classifier\"", out);
            fields = fieldsOf(body, out);
        } else if (!BlockPresets.NAMES.contains(blockType)) {
            out.add(new Violation("/blockType", "blockType must be one of " + String.join(", ", BlockPresets.NAMES)));
            fields = List.of();
        } else {
            fields = BlockPresets.expand(blockType, body, out);
            schema = BlockPresets.EXTRACT.equals(blockType) ? body.get("schema") : null;
            if (schema != null && schema.isNull()) {
                schema = null;
            }
            checkPresetFields(body, fields, out);
        }
        Problem.throwIfAny(out);
        return new FormDefinition(id, name, blockType, fields, schema, reviewPolicy, webhookUrl, defaults);
    }

    private static List<Field> fieldsOf(JsonNode body, List<Violation> out) {
        if (!BodyReader.present(body, "fields")) {
            out.add(new Violation("/fields", "fields is required unless blockType is given"));
            return List.of();
        }
        return FieldParser.parseAll(body.get("fields"), "/fields", out);
    }

    /**
     * Preset fields are derived, so a body must not bring its own. The one exception is the
     * expansion itself, which {@link FormDefinition#toJson} writes out: accepting it keeps the
     * normalised form round-trippable, and any other list would silently be ignored.
     */
    private static void checkPresetFields(JsonNode body, List<Field> expanded, List<Violation> out) {
        if (!BodyReader.present(body, "fields")) {
            return;
        }
        ArrayNode expected = Json.array();
        expanded.forEach(f -> expected.add(f.toJson()));
        if (!JsonChecks.jsonEquals(expected, body.get("fields"))) {
            out.add(new Violation("/fields", "fields must be absent when blockType is given; the preset defines them"));
        }
    }

    private static void refuseWithoutPreset(JsonNode body, String key, String message, List<Violation> out) {
        if (BodyReader.present(body, key)) {
            out.add(new Violation("/" + key, message));
        }
    }

    private static String webhookUrl(JsonNode body, List<Violation> out) {
        String url = BodyReader.string(body, "webhookUrl", "", false, HttpUrls.MAX_LENGTH, out);
        if (url == null) {
            return null;
        }
        String problem = JsonChecks.httpUrlProblem(url);
        if (problem != null) {
            out.add(new Violation("/webhookUrl", problem));
            return null;
        }
        return url;
    }

    private static JsonNode reviewPolicy(JsonNode body, List<Violation> out) {
        if (!BodyReader.present(body, "reviewPolicy")) {
            return null;
        }
        JsonNode policy = body.get("reviewPolicy");
        // Only the outer shape is checked here; the policy package owns the predicate grammar.
        if (!policy.isObject()) {
            out.add(new Violation("/reviewPolicy", "reviewPolicy must be a JSON object"));
            return null;
        }
        return policy;
    }
}
