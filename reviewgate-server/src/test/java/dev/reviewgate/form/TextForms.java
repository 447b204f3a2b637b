package dev.reviewgate.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import java.util.Map;

/** Small forms of text fields for the forms suites, and the reviews opened on them. */
final class TextForms {

    private TextForms() {}

    static void create(Api client, String id, String name, String... fieldIds) {
        assertThat(client.post("/v1/forms", textForm(id, name, fieldIds)).status())
                .isEqualTo(201);
    }

    /** A pending review (the form has no review policy, so a human must look) with these fields. */
    static String openReview(Api client, String formId, Map<String, String> fields) {
        Api.Response created = client.post("/v1/reviews", Map.of("formId", formId, "fields", fields));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("reviewId").asText();
    }

    /** A form of optional text fields, each allowing a rerun so that instructions can be given. */
    static ObjectNode textForm(String id, String name, String... fieldIds) {
        ObjectNode form = Json.object().put("id", id).put("name", name);
        ArrayNode fields = form.putArray("fields");
        for (String fieldId : fieldIds) {
            fields.addObject()
                    .put("id", fieldId)
                    .put("type", "text")
                    .putObject("retry")
                    .put("button", true);
        }
        return form;
    }
}
