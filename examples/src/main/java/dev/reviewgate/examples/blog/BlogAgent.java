package dev.reviewgate.examples.blog;

import dev.reviewgate.client.Actor;
import dev.reviewgate.client.ResponseValue;
import dev.reviewgate.client.ReviewRequestResponse;
import dev.reviewgate.client.ReviewStatus;
import dev.reviewgate.client.Reviewgate;
import dev.reviewgate.client.WebhookEvent;
import dev.reviewgate.examples.Settings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A blog-writing agent that goes through the whole gotoHuman loop: it writes a post, asks for
 * review with a webhook URL on its own embedded receiver, rewrites the post on every
 * {@code instructions} webhook and sends it as {@code updateForReview}, and on approval prints the
 * approved version id and text.
 *
 * <pre>
 * REVIEWGATE_BASE_URL=http://localhost:8080 REVIEWGATE_API_KEY=rg_… \
 *   java -cp examples/target/reviewgate-examples.jar dev.reviewgate.examples.blog.BlogAgent --topic "sourdough"
 * </pre>
 * Exit status 0 when approved, 1 when rejected, 2 on errors.
 */
public final class BlogAgent {

    /**
     * What the agent needs.
     *
     * @param baseUrl      the Reviewgate server
     * @param apiKey       its API key
     * @param callbackHost the host the server reaches this agent's receiver at
     * @param callbackPort the receiver's port, 0 for any free one
     * @param formId       the form the agent creates (or revises) and uses
     * @param topic        what to write about
     * @param timeout      how long to wait for the reviewer at most
     */
    public record Config(
            String baseUrl,
            String apiKey,
            String callbackHost,
            int callbackPort,
            String formId,
            String topic,
            Duration timeout) {

        /**
         * Reads {@code --base-url --api-key --callback-host --callback-port --form --topic --timeout-minutes}, else
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
                    s.get("callback-host", "REVIEWGATE_CALLBACK_HOST", "127.0.0.1"),
                    Integer.parseInt(s.get("callback-port", "REVIEWGATE_CALLBACK_PORT", "8091")),
                    s.get("form", "REVIEWGATE_BLOG_FORM", "blog-agent-post"),
                    s.get("topic", "REVIEWGATE_BLOG_TOPIC", "code review"),
                    Duration.ofMinutes(Long.parseLong(s.get("timeout-minutes", "REVIEWGATE_TIMEOUT_MINUTES", "60"))));
        }
    }

    /**
     * How the review ended.
     *
     * @param approved  whether a reviewer approved
     * @param reviewId  the review
     * @param versionId the decided version
     * @param text      the decided text
     * @param reason    the rejection's reason, or null
     */
    public record Result(boolean approved, String reviewId, String versionId, String text, String reason) {}

    /** The form: one markdown field with a retry button and instructions. */
    static final Map<String, Object> FORM = Map.of(
            "name",
            "Review blog post",
            "fields",
            List.of(Map.of(
                    "id",
                    "blog",
                    "type",
                    "markdown",
                    "label",
                    "Blog post",
                    "required",
                    true,
                    "retry",
                    Map.of("button", true, "instructions", true))));

    private static final Actor AGENT = Actor.agent("blog-agent", "Blog agent (example)");

    private BlogAgent() {}

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
            System.err.println("blog agent failed: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Runs the whole loop until the review is decided.
     *
     * @param config what the agent needs
     * @param out    where progress and the result are printed
     * @return how the review ended
     * @throws InterruptedException when interrupted while waiting for webhooks
     */
    public static Result run(Config config, PrintStream out) throws InterruptedException {
        try (Reviewgate rg = Reviewgate.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .build()) {
            rg.forms().put(config.formId(), FORM);
            try (WebhookReceiver receiver = new WebhookReceiver(
                    "0.0.0.0", config.callbackPort(), rg.webhooks().signingSecret())) {
                String callback = "http://" + config.callbackHost() + ":" + receiver.port() + "/webhooks/reviewgate";
                out.println("Listening for webhooks at " + callback);
                return new Loop(rg, config, callback, receiver, out).run();
            }
        }
    }

    /** One review's conversation: write, send, then react to verified webhooks. */
    private record Loop(Reviewgate rg, Config config, String callback, WebhookReceiver receiver, PrintStream out) {

        Result run() throws InterruptedException {
            BlogWriter writer = new BlogWriter(config.topic());
            String text = writer.write(List.of(), 0);
            ReviewRequestResponse sent = send(text, null);
            out.println("Review requested: " + sent.link() + " (review " + sent.reviewId() + ")");
            if (sent.status() == ReviewStatus.APPROVED) {
                return approved(sent.reviewId(), sent.versionId(), text);
            }
            long deadline = System.nanoTime() + config.timeout().toNanos();
            long lastSequence = 0;
            while (System.nanoTime() < deadline) {
                WebhookEvent event = receiver.next(Duration.ofSeconds(1));
                // Other reviews' events, and stale or repeated ones (order is not promised), are skipped.
                if (event == null || !sent.reviewId().equals(event.reviewId()) || event.sequence() <= lastSequence) {
                    continue;
                }
                lastSequence = event.sequence();
                switch (event.event()) {
                    case WebhookEvent.INSTRUCTIONS -> {
                        ResponseValue blog = event.field("blog");
                        out.println("Round " + event.round() + ": reviewer asks " + blog.allTextInstructions()
                                + (blog.instruction() != null
                                        ? " (" + blog.instruction().type() + ")"
                                        : ""));
                        ReviewRequestResponse updated =
                                send(writer.write(blog.allTextInstructions(), event.round()), sent.reviewId());
                        out.println("Sent update, version " + updated.versionId());
                    }
                    case WebhookEvent.APPROVED -> {
                        return approved(
                                event.reviewId(),
                                event.versionId(),
                                event.field("blog").text());
                    }
                    case WebhookEvent.REJECTED -> {
                        out.println("REJECTED: " + event.reason());
                        return new Result(
                                false,
                                event.reviewId(),
                                event.versionId(),
                                event.field("blog").text(),
                                event.reason());
                    }
                    default -> {
                        // created, updated, edited: nothing to do until a reviewer decides or asks
                    }
                }
            }
            throw new IllegalStateException("no decision within " + config.timeout());
        }

        private ReviewRequestResponse send(String text, String updateFor) {
            return rg.createReview(config.formId())
                    .addFieldData("blog", text)
                    .setTitle("Blog post: " + config.topic())
                    .addMetaData("topic", config.topic())
                    .setAuthor(AGENT)
                    .setWebhookUrl(callback)
                    .updateForReview(updateFor)
                    .sendRequest();
        }

        private Result approved(String reviewId, String versionId, String text) {
            out.println("APPROVED version " + versionId);
            out.println("----- approved text -----");
            out.println(text);
            out.println("----- end -----");
            return new Result(true, reviewId, versionId, text, null);
        }
    }
}
