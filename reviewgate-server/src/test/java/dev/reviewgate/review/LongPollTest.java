package dev.reviewgate.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The wait API answers on the change itself (an in-process signal), not on its timeout. Waiters
 * here ask for the longest wait (60 s), after which the server would answer from a fresh read
 * instead; each test gives up at a third of that. So a missed wake-up fails, and a slow machine
 * does not. How fast the answer comes is the benchmark's to say (docs/benchmarks.md, P3), never a
 * test's.
 */
class LongPollTest extends ApiTest {

    private static final long GIVE_UP_SECONDS = 20;

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void aParkedWaiterIsAnsweredByTheDecision() throws Exception {
        Api.Response created = create("run-wait", "gate");
        String reviewId = created.body().get("reviewId").asText();
        CompletableFuture<Api.Response> waiter = CompletableFuture.supplyAsync(
                () -> api.get("/v1/reviews/" + reviewId + "/wait?for=decision&timeoutSeconds=60"));
        Thread.sleep(300);
        assertThat(waiter).isNotDone();

        api.post(
                "/v1/reviews/" + reviewId + "/approve",
                Map.of("versionId", created.body().get("versionId").asText()));
        Api.Response waited = waiter.get(GIVE_UP_SECONDS, TimeUnit.SECONDS);

        assertThat(waited.body().get("ready").asBoolean()).isTrue();
        assertThat(waited.body().at("/review/decision/verdict").asText()).isEqualTo("approved");
    }

    @Test
    void aRunAddressWaiterIsAnsweredWhenTheGateIsReached() throws Exception {
        CompletableFuture<Api.Response> waiter = CompletableFuture.supplyAsync(
                () -> api.get("/v1/runs/run-later/blocks/gate/review/wait?for=awaiting&timeoutSeconds=60"));
        Thread.sleep(300);
        assertThat(waiter).isNotDone();
        create("run-later", "gate");
        Api.Response waited = waiter.get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertThat(waited.body().get("ready").asBoolean()).isTrue();
        assertThat(waited.body().at("/review/runId").asText()).isEqualTo("run-later");
    }

    @Test
    void aWaitTimesOutNotReadyWithNoReviewForAnUnreachedGate() {
        Api.Response waited = api.get("/v1/runs/run-never/blocks/gate/review/wait?timeoutSeconds=1");
        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.body().get("ready").asBoolean()).isFalse();
        assertThat(waited.body().get("review").isNull()).isTrue();
    }

    @Test
    void anAlreadyDecidedReviewIsAnsweredWithoutParking() throws Exception {
        Api.Response created = create("run-done", "gate");
        String reviewId = created.body().get("reviewId").asText();
        api.post(
                "/v1/reviews/" + reviewId + "/approve",
                Map.of("versionId", created.body().get("versionId").asText()));
        // No change is coming: a waiter that parked would sit out its 60 s.
        Api.Response waited = CompletableFuture.supplyAsync(
                        () -> api.get("/v1/reviews/" + reviewId + "/wait?timeoutSeconds=60"))
                .get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        assertThat(waited.body().get("ready").asBoolean()).isTrue();
    }

    @Test
    void aBadTimeoutIs400() {
        Api.Response created = create("run-bad", "gate");
        assertThat(api.get("/v1/reviews/" + created.body().get("reviewId").asText() + "/wait?timeoutSeconds=soon")
                        .status())
                .isEqualTo(400);
    }

    private Api.Response create(String runId, String blockId) {
        return api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "blog-review",
                        "runId",
                        runId,
                        "blockId",
                        blockId,
                        "fields",
                        Fixtures.blogFields("Wait for me", "https://cdn.example.com/a.jpg")));
    }
}
