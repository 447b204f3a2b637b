package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mutations answer with the review as they built it in memory, without reading it back; this holds
 * them to exactly what a fresh read of the stored review returns.
 */
class ResponseMatchesStoredStateTest extends ApiTest {

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void everyMutationAnswersWithTheStoredReview() {
        JsonNode created = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "blog-review",
                                "title",
                                "First",
                                "meta",
                                Map.of("n", 1.0),
                                "fields",
                                Fixtures.blogFields(
                                        "Draft", "https://cdn.example.com/a.jpg", "https://cdn.example.com/b.jpg")))
                .body();
        String path = "/v1/reviews/" + created.get("reviewId").asText();

        JsonNode edited = api.post(
                        path + "/versions",
                        Map.of(
                                "parentId",
                                created.get("versionId").asText(),
                                "note",
                                "tidy",
                                "snapshot",
                                Fixtures.blogFields("Draft, tidied", "https://cdn.example.com/b.jpg")))
                .body()
                .get("review");
        assertThat(edited).isEqualTo(stored(path));

        JsonNode instructed = api.post(path + "/instructions", json("""
                {'fields':{'imageOptions':{'type':'rerun'},'blog':{'type':'textInstruction','text':'Shorter'}}}""")).body();
        assertThat(instructed).isEqualTo(stored(path));

        JsonNode updated = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "blog-review",
                                "updateForReviewId",
                                created.get("reviewId").asText(),
                                "title",
                                "Second",
                                "meta",
                                Map.of("n", 2),
                                "fields",
                                Fixtures.blogFields("Short", "https://cdn.example.com/c.jpg")))
                .body();
        assertThat(stored(path).get("headVersionId").asText())
                .isEqualTo(updated.get("versionId").asText());
        assertThat(stored(path).get("title").asText()).isEqualTo("Second");

        JsonNode decided = api.post(
                        path + "/reject",
                        Map.of("versionId", updated.get("versionId").asText(), "reason", "Off topic"))
                .body()
                .get("review");
        assertThat(decided).isEqualTo(stored(path));
    }

    private JsonNode stored(String path) {
        return api.get(path).body();
    }
}
