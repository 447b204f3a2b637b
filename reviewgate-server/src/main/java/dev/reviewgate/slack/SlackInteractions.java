package dev.reviewgate.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /integrations/slack/interactions}: Slack's button clicks and modal submissions. The
 * raw body must carry a valid signature of the account's Slack app (or the instance's) no more than
 * five minutes old, else 401 and nothing happens. Slack wants an answer within 3 s, so the answer
 * goes at once and the work (who the Slack user is, the claim or decision, any explanation) follows
 * on a virtual thread; only a reject modal's missing reason is answered inline, in the modal.
 */
public final class SlackInteractions {

    private static final Logger LOG = LoggerFactory.getLogger(SlackInteractions.class);

    public static final String PATH = "/integrations/slack/interactions";
    /** Slack's payloads carry the card they came from; a few KiB, far below this. */
    static final int MAX_BODY = 64 * 1024;

    private final Database database;
    private final SlackApps apps;
    private final ReviewRepository reviews;
    private final SlackApi api;
    private final SlackActions actions;
    private final InstantSource clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    public SlackInteractions(
            Database database,
            SlackApps apps,
            ReviewRepository reviews,
            SlackApi api,
            SlackActions actions,
            InstantSource clock) {
        this.database = database;
        this.apps = apps;
        this.reviews = reviews;
        this.api = api;
        this.actions = actions;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.post(PATH, this::interact);
    }

    private void interact(Context ctx) {
        if (ctx.contentLength() > MAX_BODY) {
            Responses.problem(ctx, Problem.tooLarge("A Slack interaction is at most " + MAX_BODY + " bytes."));
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            Responses.problem(ctx, Problem.tooLarge("A Slack interaction is at most " + MAX_BODY + " bytes."));
            return;
        }
        JsonNode payload = payload(body);
        String accountId = payload == null ? null : accountOf(payload);
        SlackApps.App app;
        try {
            app = database.read(h -> apps.verifying(h, accountId));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // A stored signing secret that does not open (the key changed): refuse, never a 500.
            Responses.problem(ctx, Problem.of(503, "Slack is unavailable", "The Slack app's settings cannot be read."));
            return;
        }
        SlackSignature.Check check = SlackSignature.verify(
                app.signingSecret(),
                ctx.header(SlackSignature.TIMESTAMP_HEADER),
                ctx.header(SlackSignature.SIGNATURE_HEADER),
                body,
                clock.millis() / 1000);
        if (check != SlackSignature.Check.VALID) {
            Responses.problem(ctx, Problem.unauthorized(explain(check)));
            return;
        }
        if (payload == null) {
            Responses.problem(ctx, Problem.badRequest("The body must be a form with a JSON payload."));
            return;
        }
        switch (payload.path("type").asText("")) {
            case "block_actions" -> blockActions(ctx, app, payload);
            case "view_submission" -> viewSubmission(ctx, app, payload);
            default -> ctx.status(200);
        }
    }

    private void blockActions(Context ctx, SlackApps.App app, JsonNode payload) {
        JsonNode action = payload.path("actions").path(0);
        String actionId = action.path("action_id").asText("");
        Optional<CardRef> found = CardRef.decode(action.path("value").asText(null));
        ctx.status(200);
        if (found.isEmpty()) {
            return;
        }
        String channel = payload.path("channel")
                .path("id")
                .asText(payload.path("container").path("channel_id").asText(""));
        CardRef ref = found.get().inChannel(channel.isEmpty() ? null : channel);
        String user = payload.path("user").path("id").asText("");
        switch (actionId) {
            case SlackBlocks.APPROVE -> later(() -> actions.approve(app, ref, user));
            case SlackBlocks.CLAIM -> later(() -> actions.claim(app, ref, user));
            case SlackBlocks.REJECT -> {
                String trigger = payload.path("trigger_id").asText("");
                later(() -> openRejectModal(app, ref, user, trigger));
            }
            default -> {
                // Open is a link; Slack still reports the click.
            }
        }
    }

    private void viewSubmission(Context ctx, SlackApps.App app, JsonNode payload) {
        JsonNode view = payload.path("view");
        Optional<CardRef> ref = CardRef.decode(view.path("private_metadata").asText(null));
        if (!SlackBlocks.REJECT_MODAL.equals(view.path("callback_id").asText("")) || ref.isEmpty()) {
            ctx.status(200);
            return;
        }
        String reason = view.path("state")
                .path("values")
                .path(SlackBlocks.REASON_BLOCK)
                .path(SlackBlocks.REASON_INPUT)
                .path("value")
                .asText("")
                .strip();
        if (reason.isEmpty() || reason.length() > SlackBlocks.MAX_REASON) {
            ObjectNode answer = Json.object().put("response_action", "errors");
            answer.putObject("errors")
                    .put(
                            SlackBlocks.REASON_BLOCK,
                            reason.isEmpty()
                                    ? "Say why you reject it: the agent reads the reason."
                                    : "The reason can be at most " + SlackBlocks.MAX_REASON + " characters.");
            Responses.json(ctx, 200, answer);
            return;
        }
        String user = payload.path("user").path("id").asText("");
        ctx.status(200);
        later(() -> actions.reject(app, ref.get(), user, reason));
    }

    private void openRejectModal(SlackApps.App app, CardRef ref, String user, String trigger) {
        Optional<Review> review = database.read(h -> reviews.load(h, ref.accountId(), ref.reviewId()));
        if (review.isEmpty()) {
            actions.explain(app, ref, user, "This review no longer exists.");
            return;
        }
        SlackApi.Result opened = api.openView(app.botToken(), trigger, SlackBlocks.rejectModal(review.get(), ref));
        if (!opened.ok()) {
            actions.explain(app, ref, user, "Slack did not open the reject form (" + opened.error() + "). Try again.");
        }
    }

    private void later(Runnable work) {
        background.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("Slack interaction failed", e);
            }
        });
    }

    /** The form field {@code payload} of the raw body, parsed; null when there is none or it is not JSON. */
    static JsonNode payload(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("payload")) {
                try {
                    JsonNode node =
                            Json.MAPPER.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    return node != null && node.isObject() ? node : null;
                } catch (IOException | IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The account a payload says it is for, read from the very reference that is acted on: a
     * button's value, or a modal's metadata, never one for the other. The signature is then checked
     * with that account's own app (or the instance's), so an account's app cannot sign for a
     * review of another account.
     */
    static String accountOf(JsonNode payload) {
        String reference = "view_submission".equals(payload.path("type").asText(""))
                ? payload.path("view").path("private_metadata").asText(null)
                : payload.path("actions").path(0).path("value").asText(null);
        return CardRef.decode(reference).map(CardRef::accountId).orElse(null);
    }

    private static String explain(SlackSignature.Check check) {
        return switch (check) {
            case MISSING -> "The request is not signed by Slack (X-Slack-Signature and X-Slack-Request-Timestamp).";
            case STALE -> "The request's timestamp is more than five minutes from now.";
            default -> "The request's Slack signature is not valid.";
        };
    }
}
