package dev.reviewgate.review;

import static dev.reviewgate.review.RetabLoop.BLOCK;
import static dev.reviewgate.review.RetabLoop.CORRECTED;
import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.review.RetabLoop.Corrected;
import dev.reviewgate.review.RetabLoop.Gate;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Retab gate over HTTP: a review reached at its run's block starts on the model output, an
 * edit with parentId makes a version named by its canonical JSON, and a second review for the same
 * run and block is refused. Every test opens its own gate (see {@link RetabLoop}).
 */
class RetabVersionsTest extends ApiTest {

    private RetabLoop loop;

    @Override
    protected void setUp() {
        loop = new RetabLoop(api);
    }

    @Test
    void theModelOutputIsTheFirstVersionWithItsAuthor() {
        Gate gate = loop.newGate();

        JsonNode review = api.get(gate.path()).body();

        String modelVersion = review.get("headVersionId").asText();
        assertThat(review.at("/versionsById/" + modelVersion + "/origin").asText())
                .isEqualTo("model_output");
        assertThat(review.at("/versionsById/" + modelVersion + "/author"))
                .isEqualTo(json("{'kind':'model','id':'gpt','displayName':'GPT'}"));
    }

    @Test
    void anEditMakesAVersionNamedByItsCanonicalJson() {
        Gate gate = loop.newGate();

        Api.Response edited = loop.correctTotal(gate, loop.headVersion(gate));

        assertThat(edited.status()).isEqualTo(201);
        String versionId = edited.body().get("versionId").asText();
        assertThat(versionId).isEqualTo(CanonicalJson.versionId(CORRECTED));
        assertThat(edited.body().at("/review/versionsById/" + versionId + "/snapshot"))
                .isEqualTo(CORRECTED);
    }

    @Test
    void theSameEditTwiceAddsNoVersion() {
        Gate gate = loop.newGate();
        String modelVersion = loop.headVersion(gate);
        String versionId =
                loop.correctTotal(gate, modelVersion).body().get("versionId").asText();

        Api.Response again = loop.correctTotal(gate, modelVersion);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asBoolean()).isFalse();
        assertThat(again.body().get("versionId").asText()).isEqualTo(versionId);
    }

    @Test
    void theSameSnapshotUnderAnotherParentIs409() {
        Corrected edit = loop.correctedGate();

        Api.Response otherParent =
                api.post(edit.gate().path() + "/versions", Map.of("parentId", edit.corrected(), "snapshot", CORRECTED));

        assertThat(otherParent.status()).isEqualTo(409);
    }

    @Test
    void aSecondReviewForTheSameRunAndBlockIs409NamingTheFirst() {
        Gate gate = loop.newGate();
        String existing = api.get(gate.path()).body().get("id").asText();

        Api.Response duplicate = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        gate.formId(),
                        "runId",
                        gate.runId(),
                        "blockId",
                        BLOCK,
                        "fields",
                        Map.of("total_amount", 2, "vendor_name", "X")));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("reviewId").asText()).isEqualTo(existing);
    }

    @Test
    void theRunAddressIs404UntilTheGateIsReached() {
        assertThat(api.get("/v1/runs/run_nope/blocks/" + BLOCK + "/review").status())
                .isEqualTo(404);
    }

    @Test
    void anExtractSnapshotMustMatchTheSchema() {
        String formId = loop.newInvoiceForm();

        Api.Response bad = api.post(
                "/v1/reviews", Map.of("formId", formId, "fields", Map.of("total_amount", "352", "vendor", "Acme")));

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors"))
                .extracting(e -> e.get("pointer").asText())
                .contains("/fields/total_amount", "/fields/vendor", "/fields/vendor_name");
    }
}
