package dev.reviewgate.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 4 at the root: the first version has no parent, so its snapshot with any parent is a 409. */
class RootVersionConflictTest extends ApiTest {

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void theRootsOwnSnapshotWithTheRootAsParentIs409() {
        JsonNode fields = Fixtures.blogFields("Root", "https://cdn.example.com/a.jpg");
        Api.Response created = api.post("/v1/reviews", Map.of("formId", "blog-review", "fields", fields));
        String reviewId = created.body().get("reviewId").asText();
        String root = created.body().get("versionId").asText();

        Api.Response response =
                api.post("/v1/reviews/" + reviewId + "/versions", Map.of("parentId", root, "snapshot", fields));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("versionId").asText()).isEqualTo(root);
        assertThat(response.body().get("parentId").isNull()).isTrue();
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("versionsById").size())
                .isEqualTo(1);
    }
}
