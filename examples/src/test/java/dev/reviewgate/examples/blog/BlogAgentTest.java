package dev.reviewgate.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.client.Actor;
import dev.reviewgate.client.FieldInstruction;
import dev.reviewgate.client.ListParams;
import dev.reviewgate.client.Review;
import dev.reviewgate.client.ReviewStatus;
import dev.reviewgate.client.ReviewSummary;
import dev.reviewgate.client.Reviewgate;
import dev.reviewgate.client.VersionIds;
import dev.reviewgate.examples.LiveServer;
import dev.reviewgate.examples.Output;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The blog agent against a real server, with the reviewer played over the API: instructions, the
 * agent's webhook-driven update, approval, and the printed version id checked by recomputing it.
 */
class BlogAgentTest {

    private static final Actor DANA = Actor.human("dana", "Dana Rivera");

    private final Output output = new Output();
    private Reviewgate reviewer;
    private String form;
    private CompletableFuture<BlogAgent.Result> agent;

    @BeforeEach
    void startAgent() {
        reviewer = LiveServer.client();
        form = LiveServer.unique("blog-agent");
        BlogAgent.Config config = new BlogAgent.Config(
                LiveServer.baseUrl(), LiveServer.API_KEY, "127.0.0.1", 0, form, "sourdough", Duration.ofMinutes(1));
        agent = CompletableFuture.supplyAsync(() -> {
            try {
                return BlogAgent.run(config, output.stream());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void stop() {
        agent.cancel(true);
        reviewer.close();
    }

    @Test
    void rewritesOnInstructionsAndPrintsTheApprovedVersion() throws Exception {
        Review first = awaitReview(null);
        assertThat(first.head().snapshot().path("blog").asText()).startsWith("Sourdough is worth a closer look.");

        reviewer.reviews()
                .instruct(
                        first.address(),
                        Map.of(
                                "blog",
                                FieldInstruction.text("Make this shorter, more formal, add a title. 120 chars max")),
                        DANA);
        Review second = awaitReview(first.headVersionId());
        String rewritten = second.head().snapshot().path("blog").asText();
        assertThat(rewritten).startsWith("# On sourdough").hasSizeLessThanOrEqualTo(120);
        assertThat(second.head().parentId()).isEqualTo(first.headVersionId());

        reviewer.reviews().instruct(second.address(), Map.of("blog", FieldInstruction.text("More casual")), DANA);
        Review third = awaitReview(second.headVersionId());
        assertThat(third.head().snapshot().path("blog").asText()).contains("let's dig in");

        reviewer.reviews().approve(third.address(), third.headVersionId(), DANA);
        BlogAgent.Result result = agent.get(20, TimeUnit.SECONDS);

        String printedId = output.find("APPROVED version ([0-9a-f]{64})");
        String printedText = output.find("----- approved text -----\n(.*)\n----- end -----");
        assertThat(printedId).isEqualTo(third.headVersionId()).isEqualTo(result.versionId());
        assertThat(VersionIds.of(Map.of("blog", printedText))).isEqualTo(printedId);
        assertThat(output.text())
                .contains(
                        "Round 1: reviewer asks [Make this shorter, more formal, add a title. 120 chars max]",
                        "Round 2: reviewer asks [Make this shorter, more formal, add a title. 120 chars max, More casual]");
    }

    @Test
    void printsTheReasonOfARejection() throws Exception {
        Review first = awaitReview(null);
        reviewer.reviews().reject(first.address(), first.headVersionId(), "Off topic.", DANA);
        BlogAgent.Result result = agent.get(20, TimeUnit.SECONDS);
        assertThat(result.approved()).isFalse();
        assertThat(result.reason()).isEqualTo("Off topic.");
        assertThat(output.text()).contains("REJECTED: Off topic.");
    }

    /** The agent's review once it is pending with a head other than {@code previousHead} (10 s at most). */
    private Review awaitReview(String previousHead) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (ReviewSummary item : reviewer.reviews().list(ListParams.open().formId(form))) {
                if (item.status() == ReviewStatus.PENDING
                        && !item.headVersionId().equals(previousHead)) {
                    return reviewer.reviews().get(item.id());
                }
            }
            assertThat(agent).isNotCompletedExceptionally();
            Thread.sleep(50);
        }
        throw new AssertionError("the agent did not submit; it printed:\n" + output.text());
    }
}
