package dev.reviewgate.timer;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines over HTTP, with the server's clock moved by the test: what each {@code onExpire} does,
 * the events in order, moving the deadline, a review waiting for the agent, and a parked waiter.
 */
class DeadlinesApiTest extends ApiTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final TestClock clock = new TestClock();
    private DeadlineFixture fx;

    @Override
    protected InstantSource clock() {
        return clock;
    }

    @Override
    protected void setUp() {
        fx = new DeadlineFixture(api, clock);
        fx.createForm();
    }

    @BeforeEach
    void realTime() {
        clock.reset();
    }

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
    void escalationAddsTheAssigneesAndMovesTheDeadlineThenRejects() {
        String id = fx.create(
                "'deadline':{'after':'PT1H','onExpire':'escalate','escalateTo':{'assignTo':['admin@example.com']}}");

        fx.pass(HOUR.plus(SECOND));
        JsonNode escalated = fx.await(id, r -> r.get("escalations").size() == 1);

        assertThat(escalated.get("status").asText()).isEqualTo("pending");
        assertThat(escalated.get("assignedTo")).isEqualTo(json("['admin@example.com']"));
        Instant newDue = Instant.parse(escalated.get("dueAt").asText());
        assertThat(newDue)
                .isEqualTo(Instant.parse(escalated.at("/escalations/0/dueAt").asText()));
        assertThat(newDue).isAfterOrEqualTo(clock.instant().plus(HOUR).minusSeconds(2));
        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.escalated");

        fx.pass(HOUR.plus(SECOND));
        JsonNode decided = fx.awaitDecision(id);

        assertThat(decided.get("status").asText()).isEqualTo("rejected");
        assertThat(decided.at("/decision/reason").asText())
                .isEqualTo("expired: no decision by " + escalated.get("dueAt").asText());
        assertThat(fx.eventNames(id))
                .containsExactly("review.created", "review.escalated", "review.expired", "review.rejected");
    }

    @Test
    void afterAnEscalationThenApproveApproves() {
        String id = fx.create("'deadline':{'after':'PT1H','onExpire':'escalate',"
                + "'escalateTo':{'assignTo':['admin@example.com']},'then':'approve'}");

        fx.pass(HOUR.plus(SECOND));
        fx.await(id, r -> r.get("escalations").size() == 1);
        fx.pass(HOUR.plus(SECOND));

        assertThat(fx.awaitDecision(id).get("status").asText()).isEqualTo("approved");
    }

    @Test
    void remindersGoOutEveryIntervalUpToMax() {
        String id = fx.create("'deadline':{'after':'P1D'},'remind':{'after':'PT10M','every':'PT10M','max':2}");

        fx.pass(Duration.ofMinutes(10).plus(SECOND));
        fx.await(id, r -> r.get("remindersSent").asInt() == 1);
        fx.pass(Duration.ofMinutes(10));
        fx.await(id, r -> r.get("remindersSent").asInt() == 2);
        fx.pass(Duration.ofMinutes(10));
        DeadlineFixture.pause(600);

        assertThat(fx.review(id).get("remindersSent").asInt()).isEqualTo(2);
        assertThat(timerKinds(id)).containsExactly("deadline");
        List<JsonNode> events = fx.events(id);
        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.reminder", "review.reminder");
        assertThat(events.get(1).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void aSingleReminderWithoutEveryGoesOutOnce() {
        String id = fx.create("'remind':{'after':'PT5M'}");

        fx.pass(Duration.ofMinutes(5).plus(SECOND));
        fx.await(id, r -> r.get("remindersSent").asInt() == 1);

        assertThat(timerKinds(id)).isEmpty();
        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.reminder");
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
    void aReminderWhileWaitingForTheAgentIsSkippedWithoutAnEvent() {
        String id = fx.create("'remind':{'after':'PT10M'}");
        api.post(
                "/v1/reviews/" + id + "/instructions",
                json("{'fields':{'blog':{'type':'textInstruction','text':'x'}}}"));

        fx.pass(Duration.ofMinutes(10).plus(SECOND));
        fx.await(id, r -> r.get("remindersSent").asInt() == 1);

        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.instructions");
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

    private List<String> timerKinds(String reviewId) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT kind FROM timers WHERE review_id = :r ORDER BY kind")
                        .bind("r", reviewId)
                        .mapTo(String.class)
                        .list());
    }
}
