package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** waitFor and waitForDecision on the server's long poll: they return within a second of the event. */
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

    /** A wait running in the background that records when it returned. */
    private record Timed<T>(CompletableFuture<T> result, CompletableFuture<Long> returnedAt) {
        static <T> Timed<T> start(Supplier<T> wait) {
            CompletableFuture<Long> at = new CompletableFuture<>();
            CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> {
                T value = wait.get();
                at.complete(System.nanoTime());
                return value;
            });
            return new Timed<>(f, at);
        }

        long millisAfter(long nanos) throws Exception {
            result.get(30, TimeUnit.SECONDS);
            return (returnedAt.join() - nanos) / 1_000_000;
        }
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
    void waitForReturnsWithinASecondOfTheGateBeingReached() throws Exception {
        String run = LiveServer.unique("run");
        Timed<Review> wait = Timed.start(() -> rg.reviews()
                .waitFor(ReviewAddress.byRun(run, "block_extract"), Duration.ofSeconds(30), Duration.ofMillis(200)));
        Thread.sleep(1500);
        assertThat(wait.result()).isNotDone();

        ReviewRequestResponse sent = gate(run);
        long reached = System.nanoTime();

        assertThat(wait.millisAfter(reached)).isLessThan(1000);
        assertThat(wait.result().get().id()).isEqualTo(sent.reviewId());
        assertThat(wait.result().get().isDecided()).isFalse();
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
    void waitForDecisionReturnsWithinASecondOfTheDecision() throws Exception {
        String run = LiveServer.unique("run");
        ReviewRequestResponse sent = gate(run);
        Timed<Review> byId = Timed.start(() -> rg.reviews().waitForDecision(sent.reviewId(), Duration.ofSeconds(30)));
        Timed<Review> byRun = Timed.start(
                () -> rg.reviews().waitForDecision(ReviewAddress.byRun(run, "block_extract"), Duration.ofSeconds(30)));
        Thread.sleep(1500);
        assertThat(byId.result()).isNotDone();
        assertThat(byRun.result()).isNotDone();

        rg.reviews().approve(ReviewAddress.byId(sent.reviewId()), sent.versionId());
        long decided = System.nanoTime();

        assertThat(byId.millisAfter(decided)).isLessThan(1000);
        assertThat(byRun.millisAfter(decided)).isLessThan(1000);
        assertThat(byId.result().get().decision().versionId()).isEqualTo(sent.versionId());
        assertThat(byRun.result().get().status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void aDecidedReviewIsReturnedAtOnce() {
        ReviewRequestResponse sent = gate(LiveServer.unique("run"));
        rg.reviews().reject(ReviewAddress.byId(sent.reviewId()), sent.versionId(), "no");
        long start = System.nanoTime();
        Review review = rg.reviews().waitForDecision(sent.reviewId(), Duration.ofSeconds(30));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(review.decision().verdict()).isEqualTo(Decision.Verdict.REJECTED);
    }

    @Test
    void aGateThatIsNeverReachedTimesOut() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> rg.reviews()
                        .waitFor(
                                ReviewAddress.byRun(LiveServer.unique("run"), "block_extract"),
                                Duration.ofMillis(1500),
                                Duration.ofMillis(100)))
                .isInstanceOfSatisfying(
                        WaitTimeoutException.class,
                        e -> assertThat(e.lastSeen()).isNull());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isBetween(1400L, 3500L);
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
