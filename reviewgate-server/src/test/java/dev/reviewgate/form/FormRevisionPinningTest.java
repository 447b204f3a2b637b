package dev.reviewgate.form;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A review pins the form revision it was created with: a PUT changes only the reviews created after it. */
class FormRevisionPinningTest extends ApiTest {

    @Test
    void aReviewKeepsItsFormRevisionAcrossAPut() {
        create("pin-keep", "Pinned", "title", "note");
        String reviewId = openReview("pin-keep", Map.of("title", "t", "note", "n"));

        api.put("/v1/forms/pin-keep", TextForms.textForm("pin-keep", "Pinned, revised", "title"));

        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        assertThat(review.get("formRevision").asInt()).isEqualTo(1);
        assertThat(review.get("formName").asText()).isEqualTo("Pinned");
    }

    @Test
    void anEditIsValidatedAgainstThePinnedRevision() {
        create("pin-edit", "Pinned", "title", "note");
        String reviewId = openReview("pin-edit", Map.of("title", "t", "note", "n"));
        api.put("/v1/forms/pin-edit", TextForms.textForm("pin-edit", "Without note", "title"));
        String head =
                api.get("/v1/reviews/" + reviewId).body().get("headVersionId").asText();
        Map<String, String> withNote = Map.of("title", "t, edited", "note", "n, edited");

        Api.Response edit =
                api.post("/v1/reviews/" + reviewId + "/versions", Map.of("parentId", head, "snapshot", withNote));
        Api.Response onRevision2 = api.post("/v1/reviews", Map.of("formId", "pin-edit", "fields", withNote));

        assertThat(edit.status()).isEqualTo(201);
        assertThat(onRevision2.status()).isEqualTo(422);
        assertThat(onRevision2.body().get("errors"))
                .extracting(e -> e.get("pointer").asText())
                .containsExactly("/fields/note");
    }

    @Test
    void anAgentUpdateIsValidatedAgainstThePinnedRevision() {
        create("pin-update", "Pinned", "title", "note");
        String reviewId = openReview("pin-update", Map.of("title", "t", "note", "n"));
        api.post("/v1/reviews/" + reviewId + "/instructions", json("{'fields':{'title':{'type':'rerun'}}}"));
        api.put("/v1/forms/pin-update", TextForms.textForm("pin-update", "Without note", "title"));

        Api.Response update = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "pin-update",
                        "updateForReviewId",
                        reviewId,
                        "fields",
                        Map.of("title", "t2", "note", "n")));

        assertThat(update.status()).isEqualTo(200);
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("formRevision").asInt())
                .isEqualTo(1);
    }

    @Test
    void aNewReviewPinsTheCurrentRevision() {
        create("pin-new", "Pinned", "title", "note");
        openReview("pin-new", Map.of("title", "t", "note", "n"));
        api.put("/v1/forms/pin-new", TextForms.textForm("pin-new", "Pinned, revised", "title"));

        String reviewId = openReview("pin-new", Map.of("title", "t"));

        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        assertThat(review.get("formRevision").asInt()).isEqualTo(2);
        assertThat(review.get("formName").asText()).isEqualTo("Pinned, revised");
    }

    private void create(String id, String name, String... fieldIds) {
        TextForms.create(api, id, name, fieldIds);
    }

    private String openReview(String formId, Map<String, String> fields) {
        return TextForms.openReview(api, formId, fields);
    }
}
