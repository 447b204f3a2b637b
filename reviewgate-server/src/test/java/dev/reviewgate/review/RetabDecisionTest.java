package dev.reviewgate.review;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.review.RetabLoop.Corrected;
import dev.reviewgate.review.RetabLoop.Gate;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retab decisions over HTTP: approve or reject that exact version, already_applied on a repeat,
 * 409 with the standing decision on the opposite one, 422 on a missing reason or an unknown
 * version. Every test opens its own gate (see {@link RetabLoop}).
 */
class RetabDecisionTest extends ApiTest {

    private RetabLoop loop;

    @Override
    protected void setUp() {
        loop = new RetabLoop(api);
    }

    @Test
    void approvingAVersionDecidesOnThatExactVersion() {
        Corrected edit = loop.correctedGate();

        Api.Response approved = loop.approve(edit);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("submissionStatus").asText()).isEqualTo("applied");
        assertThat(approved.body().at("/review/decision/versionId").asText()).isEqualTo(edit.corrected());
    }

    @Test
    void approvingTheSameVersionAgainIsAlreadyApplied() {
        Corrected edit = loop.correctedGate();
        loop.approve(edit);

        Api.Response repeat = loop.approve(edit);

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().get("submissionStatus").asText()).isEqualTo("already_applied");
    }

    @Test
    void theOppositeDecisionAfterwardsIs409WithTheStandingDecision() {
        Corrected edit = loop.correctedGate();
        loop.approve(edit);

        Api.Response opposite = api.post(
                edit.gate().path() + "/reject", Map.of("versionId", edit.modelVersion(), "reason", "Illegible"));

        assertThat(opposite.status()).isEqualTo(409);
        assertThat(opposite.header("Content-Type")).startsWith("application/problem+json");
        assertThat(opposite.body().at("/decision/verdict").asText()).isEqualTo("approved");
        assertThat(opposite.body().at("/decision/versionId").asText()).isEqualTo(edit.corrected());
    }

    @Test
    void anEditAfterTheDecisionIs409() {
        Corrected edit = loop.correctedGate();
        loop.approve(edit);

        Api.Response late = api.post(
                edit.gate().path() + "/versions",
                Map.of("parentId", edit.corrected(), "snapshot", json("{'total_amount':1,'vendor_name':'Late'}")));

        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void aRejectionWithoutAReasonIs422AtReason() {
        Gate gate = loop.newGate();

        Api.Response noReason = api.post(gate.path() + "/reject", Map.of("versionId", loop.headVersion(gate)));

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().at("/errors/0/pointer").asText()).isEqualTo("/reason");
    }

    @Test
    void aDecisionOnAnUnknownVersionIs422AtVersionId() {
        Gate gate = loop.newGate();

        Api.Response unknownVersion = api.post(gate.path() + "/approve", Map.of("versionId", "0".repeat(64)));

        assertThat(unknownVersion.status()).isEqualTo(422);
        assertThat(unknownVersion.body().at("/errors/0/pointer").asText()).isEqualTo("/versionId");
    }

    @Test
    void aRejectionWithAReasonRejectsTheReviewAndKeepsTheReason() {
        Gate gate = loop.newGate();

        Api.Response rejected = api.post(
                gate.path() + "/reject",
                Map.of(
                        "versionId",
                        loop.headVersion(gate),
                        "reason",
                        "Source document is illegible; cannot verify totals."));

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().at("/review/status").asText()).isEqualTo("rejected");
        assertThat(rejected.body().at("/review/decision/reason").asText()).startsWith("Source document");
    }
}
