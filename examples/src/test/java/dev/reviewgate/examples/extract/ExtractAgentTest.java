package dev.reviewgate.examples.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.client.Actor;
import dev.reviewgate.client.EditRequest;
import dev.reviewgate.client.Edited;
import dev.reviewgate.client.FieldInstruction;
import dev.reviewgate.client.Review;
import dev.reviewgate.client.ReviewAddress;
import dev.reviewgate.client.ReviewStatus;
import dev.reviewgate.client.Reviewgate;
import dev.reviewgate.client.VersionIds;
import dev.reviewgate.examples.LiveServer;
import dev.reviewgate.examples.Output;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The extract agent against a real server, Retab style: the reviewer finds the gate by its run
 * address, asks for a retry or corrects the snapshot, approves, and the printed version id is
 * recomputed from the printed snapshot.
 */
class ExtractAgentTest {

    private static final Actor DANA = Actor.human("dana", "Dana Rivera");
    private static final Duration GATE_TIMEOUT = Duration.ofSeconds(20);

    private final Output output = new Output();
    private Reviewgate reviewer;
    private String run;
    private ExtractAgent.Config config;

    @BeforeEach
    void setUp() {
        reviewer = LiveServer.client();
        run = LiveServer.unique("run");
        config = new ExtractAgent.Config(
                LiveServer.baseUrl(),
                LiveServer.API_KEY,
                "wf_invoices",
                run,
                "block_extract",
                LiveServer.unique("invoice-extract"),
                Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() {
        reviewer.close();
    }

    @Test
    void reExtractsOnInstructionsAndPrintsTheApprovedVersion() throws Exception {
        CompletableFuture<ExtractAgent.Result> agent =
                CompletableFuture.supplyAsync(() -> ExtractAgent.run(config, output.stream()));
        Review gate = reviewer.reviews()
                .waitFor(ReviewAddress.byRun(run, "block_extract"), GATE_TIMEOUT, Duration.ofMillis(100));
        assertThat(gate.head().snapshot().path("total_amount").asInt()).isEqualTo(300);

        reviewer.reviews()
                .instruct(
                        gate.address(),
                        Map.of("total_amount", FieldInstruction.text("Use the total due, not the subtotal")),
                        DANA);
        Review updated = awaitNewHead(gate);
        assertThat(updated.head().snapshot().path("total_amount").asInt()).isEqualTo(325);
        reviewer.reviews().approve(updated.address(), updated.headVersionId(), DANA);

        ExtractAgent.Result result = agent.get(20, TimeUnit.SECONDS);
        String printedId = output.find("APPROVED version ([0-9a-f]{64})");
        String printedSnapshot = output.find("^snapshot (\\{.*?\\})$");
        assertThat(printedId)
                .isEqualTo(updated.headVersionId())
                .isEqualTo(result.decision().versionId());
        assertThat(VersionIds.ofJson(printedSnapshot)).isEqualTo(printedId);
        assertThat(output.text()).contains("Round 1: reviewer asks [Use the total due, not the subtotal]");
    }

    @Test
    void printsTheReviewersCorrectionOnceApproved() throws Exception {
        CompletableFuture<ExtractAgent.Result> agent =
                CompletableFuture.supplyAsync(() -> ExtractAgent.run(config, output.stream()));
        Review gate = reviewer.reviews()
                .waitFor(ReviewAddress.byRun(run, "block_extract"), GATE_TIMEOUT, Duration.ofMillis(100));
        Map<String, Object> corrected =
                Map.of("invoice_number", "INV-991", "total_amount", 325, "vendor_name", "Acme Corp");
        Edited edited = reviewer.reviews()
                .edit(EditRequest.of(gate.address(), gate.headVersionId(), corrected)
                        .note("Corrected total.")
                        .author(DANA));
        reviewer.reviews().approve(gate.address(), edited.versionId(), DANA);

        agent.get(20, TimeUnit.SECONDS);
        String printedSnapshot = output.find("^snapshot (\\{.*?\\})$");
        assertThat(output.find("APPROVED version ([0-9a-f]{64})"))
                .isEqualTo(edited.versionId())
                .isEqualTo(VersionIds.ofJson(printedSnapshot))
                .isEqualTo(VersionIds.of(corrected));
    }

    @Test
    void runsFromTheCommandLine() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        File log = new File(System.getProperty("java.io.tmpdir"), run + ".log");
        Process process = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExtractAgent.class.getName(),
                        "--base-url",
                        LiveServer.baseUrl(),
                        "--api-key",
                        LiveServer.API_KEY,
                        "--run",
                        run,
                        "--form",
                        config.formId())
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        Review gate = reviewer.reviews()
                .waitFor(ReviewAddress.byRun(run, "block_extract"), GATE_TIMEOUT, Duration.ofMillis(100));
        assertThat(gate.status()).isEqualTo(ReviewStatus.PENDING);
        reviewer.reviews().reject(gate.address(), gate.headVersionId(), "Wrong total.", DANA);

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isEqualTo(1);
        assertThat(printed).contains("REJECTED version " + gate.headVersionId() + ": Wrong total.");
    }

    private Review awaitNewHead(Review before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Review now = reviewer.reviews().get(before.id());
            if (now.status() == ReviewStatus.PENDING && !now.headVersionId().equals(before.headVersionId())) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the agent did not update; it printed:\n" + output.text());
    }
}
