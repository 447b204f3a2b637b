package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** waitFor and waitForDecision on the server's long poll: they are answered by the event, not by their timeout. */
class WaitTest {

    private Reviewgate rg;
    private String form;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        form = LiveServer.newInvoiceForm(rg);
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    /**
     * How long a test waits for a wait's answer: a third of the 60 s the waits below ask for, after
     * which the server would answer from a fresh read instead of the event. So a missed wake-up
     * fails, and a slow machine does not; how fast the answer comes is the benchmark's to say.
     */
    private static final long GIVE_UP_SECONDS = 20;

    private static final Duration LONG = Duration.ofSeconds(60);

    private static <T> T answer(CompletableFuture<T> wait) throws Exception {
        return wait.get(GIVE_UP_SECONDS, TimeUnit.SECONDS);
    }

    private ReviewRequestResponse gate(String run) {
        return rg.createReview(form)
                .setRunAddress(run, "block_extract")
                .addFieldData("total_amount", 352)
                .addFieldData("vendor_name", "Acme Corp")
                .setSignals(Map.of("confidence", 0.5))
                .sendRequest();
    }

    @Test
    void waitForIsAnsweredWhenTheGateIsReached() throws Exception {
        String run = LiveServer.unique("run");
        CompletableFuture<Review> wait = CompletableFuture.supplyAsync(
                () -> rg.reviews().waitFor(ReviewAddress.byRun(run, "block_extract"), LONG, Duration.ofMillis(200)));
        Thread.sleep(1500);
        assertThat(wait).isNotDone();

        ReviewRequestResponse sent = gate(run);

        Review found = answer(wait);
        assertThat(found.id()).isEqualTo(sent.reviewId());
        assertThat(found.isDecided()).isFalse();
    }

    @Test
    void waitForTakesAReviewIdOrAnAddressAndReturnsAtOnceWhileUndecided() {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = gate(run);
        Review byId = rg.reviews().waitFor(sent.reviewId(), Duration.ofSeconds(5), Duration.ofMillis(100));
        Review byAddress = rg.reviews()
                .waitFor(ReviewAddress.byRun(run, "block_extract"), Duration.ofSeconds(5), Duration.ofMillis(100));
        assertThat(byId.id()).isEqualTo(sent.reviewId());
        assertThat(byAddress.id()).isEqualTo(sent.reviewId());
        assertThat(byId.isDecided()).isFalse();
    }

    @Test
    void waitForDecisionTakesTheRunAsStrings() {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = gate(run);
        rg.reviews().approve(sent.reviewId(), sent.versionId());
        Review decided = rg.reviews().waitForDecision(ReviewAddress.byRun(run, "block_extract"), Duration.ofSeconds(5));
        assertThat(decided.id()).isEqualTo(sent.reviewId());
        assertThat(decided.decision().isApproved()).isTrue();
    }

    @Test
    void waitForDecisionIsAnsweredByTheDecision() throws Exception {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = gate(run);
        CompletableFuture<Review> byId =
                CompletableFuture.supplyAsync(() -> rg.reviews().waitForDecision(sent.reviewId(), LONG));
        CompletableFuture<Review> byRun = CompletableFuture.supplyAsync(
                () -> rg.reviews().waitForDecision(ReviewAddress.byRun(run, "block_extract"), LONG));
        Thread.sleep(1500);
        assertThat(byId).isNotDone();
        assertThat(byRun).isNotDone();

        rg.reviews().approve(ReviewAddress.byId(sent.reviewId()), sent.versionId());

        assertThat(answer(byId).decision().versionId()).isEqualTo(sent.versionId());
        assertThat(answer(byRun).status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void aDecidedReviewIsReturnedWithoutParking() throws Exception {
        ReviewRequestResponse sent = gate(LiveServer.unique("run"));
        rg.reviews().reject(ReviewAddress.byId(sent.reviewId()), sent.versionId(), "no");
        // No change is coming: a wait that parked would sit out its 60 s.
        Review review =
                answer(CompletableFuture.supplyAsync(() -> rg.reviews().waitForDecision(sent.reviewId(), LONG)));
        assertThat(review.decision().verdict()).isEqualTo(Decision.Verdict.REJECTED);
    }

    @Test
    void aGateThatIsNeverReachedTimesOut() {
        assertThatThrownBy(() -> rg.reviews()
                        .waitFor(
                                ReviewAddress.byRun(LiveServer.unique("run"), "block_extract"),
                                Duration.ofMillis(1500),
                                Duration.ofMillis(100)))
                .isInstanceOfSatisfying(
                        WaitTimeoutException.class,
                        e -> assertThat(e.lastSeen()).isNull());
    }

    @Test
    void anUndecidedReviewTimesOutWithItsLastState() {
        ReviewRequestResponse sent = gate(LiveServer.unique("run"));
        assertThatThrownBy(() -> rg.reviews().waitForDecision(sent.reviewId(), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(
                        WaitTimeoutException.class,
                        e -> assertThat(e.lastSeen().id()).isEqualTo(sent.reviewId()));
    }

    @Test
    void waitingForAnUnknownReviewIdIsNotFound() {
        assertThatThrownBy(() -> rg.reviews().waitForDecision("rev_unknown", Duration.ofSeconds(5)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void longWaitsArePolledInChunksOfAtMostSixtySecondsAndSurviveErrors() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Stub stub = new Stub((i, req) -> switch (calls.getAndIncrement()) {
                    case 0 -> new Stub.Answer(500, Map.of(), "{\"status\":500,\"detail\":\"boom\"}");
                    case 1 ->
                        new Stub.Answer(
                                200, Map.of("Content-Type", "application/json"), "{\"ready\":false,\"review\":null}");
                    default -> Stub.forward(LiveServer.baseUrl(), req);
                });
                Reviewgate viaStub = Reviewgate.builder()
                        .baseUrl(stub.url())
                        .apiKey(LiveServer.API_KEY)
                        .build()) {
            String run = LiveServer.unique("run");
            gate(run);
            Review found = viaStub.reviews()
                    .waitFor(ReviewAddress.byRun(run, "block_extract"), Duration.ofMinutes(5), Duration.ofMillis(50));
            assertThat(found.runId()).isEqualTo(run);
            assertThat(stub.seen())
                    .hasSize(3)
                    .allSatisfy(seen -> assertThat(seen.path())
                            .startsWith("/v1/runs/" + run
                                    + "/blocks/block_extract/review/wait?for=awaiting&timeoutSeconds=60"));
        }
    }
}
