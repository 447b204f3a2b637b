package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retab's canonical review shapes per block type: each bad shape is a 422 with a pointer, at creation and on edit. */
class BlockPresetShapesTest extends ApiTest {

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.classifierForm());
        api.post("/v1/forms", Fixtures.splitForm());
        api.post("/v1/forms", Fixtures.forEachForm());
    }

    @Test
    void aClassifierSnapshotIsOnlyTheCategory() {
        assertThat(create("mail-classifier", json("{'category':'invoice'}")).status())
                .isEqualTo(201);
        assertRefused(
                create("mail-classifier", json("{'category':'invoice','reasoning':'it has a total'}")),
                "/fields/reasoning");
        assertRefused(create("mail-classifier", json("{'category':'newsletter'}")), "/fields/category");
        assertRefused(create("mail-classifier", json("{}")), "/fields/category");
    }

    @Test
    void splitPagesArePositiveSortedAndUnique() {
        assertThat(create("doc-split", json("{'documents':[{'name':'legal_mentions','pages':[1,2]}]}"))
                        .status())
                .isEqualTo(201);
        assertRefused(
                create("doc-split", json("{'documents':[{'name':'a','pages':[2,1]}]}")), "/fields/documents/0/pages/1");
        assertRefused(
                create("doc-split", json("{'documents':[{'name':'a','pages':[1,1]}]}")), "/fields/documents/0/pages/1");
        assertRefused(
                create("doc-split", json("{'documents':[{'name':'a','pages':[0,1]}]}")), "/fields/documents/0/pages/0");
        assertRefused(create("doc-split", json("{'documents':[{'key':'a','pages':[1]}]}")), "/fields/documents/0/name");
    }

    @Test
    void forEachPartitionsAreKeyedByKey() {
        assertThat(create("invoice-partitions", json("{'partitions':[{'key':'INV-001','pages':[1,2]}]}"))
                        .status())
                .isEqualTo(201);
        assertRefused(
                create("invoice-partitions", json("{'partitions':[{'key':'INV-001','pages':[3,2]}]}")),
                "/fields/partitions/0/pages/1");
        assertRefused(
                create("invoice-partitions", json("{'partitions':[{'key':'INV-001','pages':[1.5]}]}")),
                "/fields/partitions/0/pages/0");
    }

    @Test
    void anEditWithABadShapeIs422AndAddsNoVersion() {
        Api.Response created = create("doc-split", json("{'documents':[{'name':'a','pages':[1,2]}]}"));
        String reviewId = created.body().get("reviewId").asText();
        Api.Response edit = api.post(
                "/v1/reviews/" + reviewId + "/versions",
                Map.of(
                        "parentId", created.body().get("versionId").asText(),
                        "snapshot", json("{'documents':[{'name':'a','pages':[2,2]}]}")));
        assertRefused(edit, "/snapshot/documents/0/pages/1");
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("versionsById"))
                .hasSize(1);
    }

    private Api.Response create(String formId, JsonNode fields) {
        return api.post("/v1/reviews", Map.of("formId", formId, "fields", fields));
    }

    private static void assertRefused(Api.Response response, String pointer) {
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("errors"))
                .extracting(e -> e.get("pointer").asText())
                .contains(pointer);
    }
}
