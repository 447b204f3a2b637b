package dev.reviewgate.timer;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What each {@code onExpire} does when a deadline passes, the events in order, a review waiting
 * for the agent, a parked waiter, and the metrics.
 */
class DeadlineExpiryApiTest extends DeadlineApiTest {

    @Test
    void anExpiredDeadlineRejectsByDefault() {
        String id = fx.create("'deadline':{'after':'PT1H'}");
        JsonNode created = fx.review(id);

        fx.pass(HOUR.plus(SECOND));
        JsonNode decided = fx.awaitDecision(id);

        assertThat(decided.get("status").asText()).isEqualTo("rejected");
        JsonNode decision = decided.get("decision");
        assertThat(decision.get("verdict").asText()).isEqualTo("rejected");
        assertThat(decision.get("reason").asText())
                .isEqualTo("expired: no decision by " + created.get("dueAt").asText());
        assertThat(decision.get("decidedBy"))
                .isEqualTo(json("{'kind':'agent','id':'deadline','displayName':'Deadline'}"));
        assertThat(decision.get("via").asText()).isEqualTo("deadline");
        assertThat(decision.get("versionId").asText())
                .isEqualTo(created.get("headVersionId").asText());
    }

    @Test
    void approveOnExpiryApprovesWhenAskedFor() {
        String id = fx.create("'deadline':{'after':'PT1H','onExpire':'approve'}");

        fx.pass(HOUR.plus(SECOND));
        JsonNode decided = fx.awaitDecision(id);

        assertThat(decided.get("status").asText()).isEqualTo("approved");
        assertThat(decided.at("/decision/via").asText()).isEqualTo("deadline");
        assertThat(decided.at("/decision/reason").asText()).startsWith("expired: no decision by ");
    }

    @Test
    void aDeadlineIsNotDueBeforeItsTime() {
        String id = fx.create("'deadline':{'after':'PT1H'}");

        fx.pass(HOUR.minus(SECOND));
        DeadlineFixture.pause(600);

        assertThat(fx.review(id).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void theEventsAreExpiredThenRejectedInOrder() {
        String id = fx.create("'deadline':{'after':'PT1H'}");

        fx.pass(HOUR.plus(SECOND));
        fx.awaitDecision(id);
        List<JsonNode> events = fx.events(id);

        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.expired", "review.rejected");
        assertThat(events.get(1).get("sequence").asLong() + 1)
                .isEqualTo(events.get(2).get("sequence").asLong());
        assertThat(events.get(1).get("via").asText()).isEqualTo("deadline");
    }

    @Test
    void aDecisionDropsTheTimers() {
        String id = fx.create("'deadline':{'after':'PT1H'},'remind':{'after':'PT5M'}");
        JsonNode review = fx.review(id);

        api.post(
                "/v1/reviews/" + id + "/approve",
                Map.of("versionId", review.get("headVersionId").asText()));
        fx.pass(HOUR.plus(SECOND));
        DeadlineFixture.pause(600);

        assertThat(timerKinds(id)).isEmpty();
        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.approved");
    }

    @Test
    void aReviewWaitingForTheAgentKeepsItsDueAtAndStillExpires() {
        String id = fx.create("'deadline':{'after':'PT1H'}");
        String dueAt = fx.review(id).get("dueAt").asText();

        Api.Response instructed = api.post("/v1/reviews/" + id + "/instructions", json("""
                {'fields':{'blog':{'type':'textInstruction','text':'Shorter'}},
                 'author':{'kind':'human','id':'dana','displayName':'Dana Rivera'}}"""));
        assertThat(instructed.body().get("status").asText()).isEqualTo("changes_requested");
        assertThat(fx.review(id).get("dueAt").asText()).isEqualTo(dueAt);
        fx.pass(HOUR.plus(SECOND));
        JsonNode decided = fx.awaitDecision(id);

        assertThat(decided.get("status").asText()).isEqualTo("rejected");
        assertThat(decided.at("/decision/reason").asText()).isEqualTo("expired: no decision by " + dueAt);
    }

    @Test
    void aParkedWaiterIsWokenWithTheDeadlinesDecision() throws Exception {
        // The wait's own timeout runs on the same clock: the jump stays well inside it.
        String id = fx.create("'deadline':{'after':'PT10S'}");
        CompletableFuture<Api.Response> waiter = CompletableFuture.supplyAsync(
                () -> api.get("/v1/reviews/" + id + "/wait?for=decision&timeoutSeconds=60"));
        DeadlineFixture.pause(300);
        assertThat(waiter).isNotDone();

        fx.pass(Duration.ofSeconds(11));
        Api.Response waited = waiter.get(20, TimeUnit.SECONDS);

        assertThat(waited.body().get("ready").asBoolean()).isTrue();
        assertThat(waited.body().at("/review/decision/verdict").asText()).isEqualTo("rejected");
        assertThat(waited.body().at("/review/decision/via").asText()).isEqualTo("deadline");
    }

    @Test
    void theMetricsCountLagDecisionsAndOverdueReviews() {
        String id = fx.create("'deadline':{'after':'PT1H'}");

        fx.pass(HOUR.plus(SECOND));
        fx.awaitDecision(id);
        String metrics = api.get("/metrics").text();

        assertThat(metrics).contains("reviewgate_timer_lag_seconds_count");
        assertThat(metrics)
                .containsPattern("reviewgate_time_to_decision_seconds_count\\{form=\"" + DeadlineFixture.FORM
                        + "\",via=\"deadline\"} [1-9]");
        assertThat(metrics).contains("reviewgate_reviews_overdue");
    }
}
