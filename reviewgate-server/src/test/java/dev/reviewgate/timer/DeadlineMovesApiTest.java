package dev.reviewgate.timer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Moving the deadline ({@code POST /v1/reviews/{id}/deadline}): later, to an absolute time, and the
 * refusals (past, unparsable, decided).
 */
class DeadlineMovesApiTest extends DeadlineApiTest {

    @Test
    void movingTheDeadlineLaterKeepsItFromFiringAtTheOldTime() {
        String id = fx.create("'deadline':{'after':'PT1H'}");

        Api.Response moved = api.post("/v1/reviews/" + id + "/deadline", Map.of("after", "PT3H"));
        assertThat(moved.status()).isEqualTo(200);
        fx.pass(HOUR.plus(SECOND));
        DeadlineFixture.pause(600);
        assertThat(fx.review(id).get("status").asText()).isEqualTo("pending");
        fx.pass(HOUR.multipliedBy(2));
        JsonNode decided = fx.awaitDecision(id);

        assertThat(decided.at("/decision/reason").asText())
                .isEqualTo(
                        "expired: no decision by " + moved.body().get("dueAt").asText());
    }

    @Test
    void movingTheDeadlineToAnAbsoluteTimeFiresThen() {
        String id = fx.create("'remind':{'after':'PT5H'}");
        String at = clock.instant().plus(Duration.ofMinutes(30)).toString();

        Api.Response moved = api.post("/v1/reviews/" + id + "/deadline", Map.of("at", at));
        fx.pass(Duration.ofMinutes(30).plus(SECOND));

        assertThat(Instant.parse(moved.body().get("dueAt").asText())).isEqualTo(Instant.parse(at));
        assertThat(fx.awaitDecision(id).get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void aDeadlineInThePastIs422AndWritesNothing() {
        String id = fx.create("'deadline':{'after':'PT1H'}");
        String before = fx.review(id).get("dueAt").asText();

        Api.Response r = api.post(
                "/v1/reviews/" + id + "/deadline",
                Map.of("at", clock.instant().minusSeconds(60).toString()));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().at("/errors/0/pointer").asText()).isEqualTo("/at");
        assertThat(fx.review(id).get("dueAt").asText()).isEqualTo(before);
    }

    @Test
    void aDurationThatDoesNotParseIs422() {
        String id = fx.create("'deadline':{'after':'PT1H'}");

        Api.Response r = api.post("/v1/reviews/" + id + "/deadline", Map.of("after", "soon"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().at("/errors/0/pointer").asText()).isEqualTo("/after");
    }

    @Test
    void movingTheDeadlineOfADecidedReviewIs409() {
        String id = fx.create("'deadline':{'after':'PT1H'}");
        Api.Response approved = api.post(
                "/v1/reviews/" + id + "/approve",
                Map.of("versionId", fx.review(id).get("headVersionId").asText()));
        assertThat(approved.status()).isEqualTo(200);

        Api.Response r = api.post("/v1/reviews/" + id + "/deadline", Map.of("after", "PT2H"));

        assertThat(r.status()).isEqualTo(409);
    }
}
