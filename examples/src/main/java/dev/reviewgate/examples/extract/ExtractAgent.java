package dev.reviewgate.examples.extract;

import dev.reviewgate.client.Actor;
import dev.reviewgate.client.Decision;
import dev.reviewgate.client.Instruction;
import dev.reviewgate.client.Review;
import dev.reviewgate.client.ReviewAddress;
import dev.reviewgate.client.ReviewRequestBuilder;
import dev.reviewgate.client.ReviewRequestResponse;
import dev.reviewgate.client.ReviewStatus;
import dev.reviewgate.client.Reviewgate;
import dev.reviewgate.client.WaitTimeoutException;
import dev.reviewgate.examples.Settings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An extraction step of a workflow run, Retab style and without webhooks: it submits the invoice
 * fields it extracted as the gate of {@code (runId, blockId)}, uses {@code waitFor} until the gate
 * is open and {@code waitForDecision} until a reviewer decides, re-extracting when the reviewer
 * asks for a retry, and prints the approved version id and snapshot.
 *
 * <pre>
 * REVIEWGATE_BASE_URL=http://localhost:8080 REVIEWGATE_API_KEY=rg_… \
 *   java -cp examples/target/reviewgate-examples.jar dev.reviewgate.examples.extract.ExtractAgent --run run_1
 * </pre>
 * Exit status 0 when approved, 1 when rejected, 2 on errors.
 */
public final class ExtractAgent {

    /**
     * What the agent needs.
     *
     * @param baseUrl    the Reviewgate server
     * @param apiKey     its API key
     * @param workflowId the workflow the run belongs to
     * @param runId      the run
     * @param blockId    the gated block
     * @param formId     the extract form the agent creates (or revises) and uses
     * @param timeout    how long to wait for the reviewer at most
     */
    public record Config(
            String baseUrl,
            String apiKey,
            String workflowId,
            String runId,
            String blockId,
            String formId,
            Duration timeout) {

        /**
         * Reads {@code --base-url --api-key --workflow --run --block --form --timeout-minutes}, else
         * the matching {@code REVIEWGATE_*} variables.
         *
         * @param args the command line
         * @param env  the environment
         * @return the configuration
         */
        public static Config from(String[] args, Map<String, String> env) {
            Settings s = Settings.of(args, env);
            return new Config(
                    s.get("base-url", "REVIEWGATE_BASE_URL", "http://localhost:8080"),
                    s.get("api-key", "REVIEWGATE_API_KEY", null),
                    s.get("workflow", "REVIEWGATE_WORKFLOW_ID", "wf_invoices"),
                    s.get("run", "REVIEWGATE_RUN_ID", "run_" + Long.toString(System.currentTimeMillis(), 36)),
                    s.get("block", "REVIEWGATE_BLOCK_ID", "block_extract"),
                    s.get("form", "REVIEWGATE_EXTRACT_FORM", "invoice-extract-agent"),
                    Duration.ofMinutes(Long.parseLong(s.get("timeout-minutes", "REVIEWGATE_TIMEOUT_MINUTES", "60"))));
        }
    }

    /**
     * How the gate ended.
     *
     * @param approved whether a reviewer (or the review policy) approved
     * @param decision the decision
     * @param snapshot the decided version's snapshot as JSON text
     */
    public record Result(boolean approved, Decision decision, String snapshot) {}

    /** An extract block whose policy sends outputs under 0.9 confidence to a person. */
    static final Map<String, Object> FORM = Map.of(
            "name",
            "Invoice extraction",
            "blockType",
            "extract",
            "schema",
            Map.of(
                    "type",
                    "object",
                    "required",
                    List.of("total_amount", "vendor_name"),
                    "properties",
                    Map.of(
                            "invoice_number",
                            Map.of("type", "string"),
                            "total_amount",
                            Map.of("type", "number"),
                            "vendor_name",
                            Map.of("type", "string"))),
            "reviewPolicy",
            Map.of("kind", "confidence_lt", "threshold", 0.9));

    /** How long one wait for the gate lasts before the agent checks whether it was decided meanwhile. */
    private static final Duration GATE_CHECK = Duration.ofSeconds(5);

    /** How often the agent looks for retry requests while it waits for the decision. */
    private static final Duration INSTRUCTION_CHECK = Duration.ofSeconds(2);

    private ExtractAgent() {}

    /**
     * Runs the agent from the command line.
     *
     * @param args see {@link Config#from(String[], Map)}
     */
    public static void main(String[] args) {
        try {
            Result result = run(Config.from(args, System.getenv()), System.out);
            System.exit(result.approved() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("extract agent failed: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Submits the extraction and waits for the decision.
     *
     * @param config what the agent needs
     * @param out    where progress and the result are printed
     * @return how the gate ended
     */
    public static Result run(Config config, PrintStream out) {
        try (Reviewgate rg = Reviewgate.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .build()) {
            rg.forms().put(config.formId(), FORM);
            InvoiceExtractor extractor = new InvoiceExtractor();
            InvoiceExtractor.Extraction first = extractor.extract(InvoiceExtractor.INVOICE, List.of(), false);
            out.println("Extracted " + first.fields() + " with confidence " + first.confidence());
            ReviewRequestResponse sent = submit(rg, config, first, null);
            if (sent.decision() != null) {
                out.println("The review policy approved it at once.");
                return finish(rg.reviews().get(sent.reviewId()), out);
            }
            Review gate = awaitGate(rg, config);
            if (gate.isDecided()) {
                return finish(gate, out);
            }
            out.println("Gate open, waiting for a reviewer: " + gate.link());
            return finish(awaitDecision(rg, config, extractor, out), out);
        }
    }

    /**
     * Waits until the gate is open. A reviewer may decide before the wait starts; then the gate
     * never becomes "awaiting" again, so the wait goes in short rounds and stops at a decision.
     */
    private static Review awaitGate(Reviewgate rg, Config config) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        while (true) {
            try {
                return rg.reviews()
                        .waitFor(
                                ReviewAddress.byRun(config.runId(), config.blockId()),
                                GATE_CHECK,
                                Duration.ofSeconds(1));
            } catch (WaitTimeoutException notYet) {
                if (notYet.lastSeen() != null && notYet.lastSeen().isDecided()) {
                    return notYet.lastSeen();
                }
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /**
     * Waits for the decision in short rounds; between them, answers a retry request by
     * re-extracting and updating the review, as the gotoHuman loop does.
     */
    private static Review awaitDecision(Reviewgate rg, Config config, InvoiceExtractor extractor, PrintStream out) {
        ReviewAddress gate = ReviewAddress.byRun(config.runId(), config.blockId());
        long deadline = System.nanoTime() + config.timeout().toNanos();
        int answeredRound = 0;
        while (System.nanoTime() < deadline) {
            try {
                return rg.reviews().waitForDecision(gate, INSTRUCTION_CHECK);
            } catch (WaitTimeoutException notYet) {
                Review review = notYet.lastSeen();
                int round = review.instructions().stream()
                        .mapToInt(Instruction::round)
                        .max()
                        .orElse(0);
                if (review.status() == ReviewStatus.CHANGES_REQUESTED && round > answeredRound) {
                    List<String> texts = review.instructions().stream()
                            .filter(i -> i.text() != null)
                            .map(Instruction::text)
                            .toList();
                    out.println("Round " + round + ": reviewer asks " + texts);
                    InvoiceExtractor.Extraction again = extractor.extract(InvoiceExtractor.INVOICE, texts, true);
                    ReviewRequestResponse updated = submit(rg, config, again, review.id());
                    out.println("Re-extracted " + again.fields() + ", version " + updated.versionId());
                    answeredRound = round;
                }
            }
        }
        throw new IllegalStateException("no decision within " + config.timeout());
    }

    private static ReviewRequestResponse submit(
            Reviewgate rg, Config config, InvoiceExtractor.Extraction extraction, String updateFor) {
        ReviewRequestBuilder request = rg.createReview(config.formId())
                .setRunAddress(config.workflowId(), config.runId(), config.blockId())
                .setAuthor(Actor.model("invoice-extractor", "Invoice extractor (example)"))
                .setSignals(Map.of("confidence", extraction.confidence()))
                .updateForReview(updateFor);
        extraction.fields().forEach(request::addFieldData);
        return request.sendRequest();
    }

    private static Result finish(Review review, PrintStream out) {
        Decision decision = review.decision();
        String snapshot =
                review.version(decision.versionId()).orElseThrow().snapshot().toString();
        if (decision.isApproved()) {
            out.println("APPROVED version " + decision.versionId());
        } else {
            out.println("REJECTED version " + decision.versionId() + ": " + decision.reason());
        }
        out.println("snapshot " + snapshot);
        return new Result(decision.isApproved(), decision, snapshot);
    }
}
