package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.RequestBodies;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * {@code /v1/reviews}: create, queue, read, edit, instruct, decide and wait. Every route on one
 * review is served both by id and by the {@code (runId, blockId)} it gates.
 */
public final class ReviewRoutes {

    static final int MAX_WAIT_SECONDS = 60;
    static final int DEFAULT_WAIT_SECONDS = 30;
    private static final List<String> ADDRESSES =
            List.of("/v1/reviews/{reviewId}", "/v1/runs/{runId}/blocks/{blockId}/review");

    private final ReviewCreation creation;
    private final ReviewCommands commands;
    private final WorkCommands work;
    private final BulkDecisions bulk;
    private final ReviewReader reader;
    private final String publicUrl;
    private final InstantSource clock;

    public ReviewRoutes(
            ReviewCreation creation,
            ReviewCommands commands,
            WorkCommands work,
            BulkDecisions bulk,
            ReviewReader reader,
            String publicUrl,
            InstantSource clock) {
        this.creation = creation;
        this.commands = commands;
        this.work = work;
        this.bulk = bulk;
        this.reader = reader;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.post("/v1/reviews", this::createReview);
        r.get("/v1/reviews", this::listQueue);
        r.post("/v1/reviews/bulk", this::decideInBulk);
        for (String base : ADDRESSES) {
            r.get(base, this::getReview);
            r.get(base + "/wait", this::waitForReview);
            r.get(base + "/events", this::listEvents);
            r.post(base + "/versions", this::appendVersion);
            r.post(base + "/instructions", this::giveInstructions);
            r.post(base + "/approve", ctx -> decide(ctx, Verdict.APPROVED));
            r.post(base + "/reject", ctx -> decide(ctx, Verdict.REJECTED));
            r.post(
                    base + "/claim",
                    ctx -> respond(
                            ctx,
                            (p, body) -> work.claim(p, address(ctx), WorkRequests.ClaimRequest.parse(body, p, true))));
            r.post(
                    base + "/release",
                    ctx -> respond(
                            ctx,
                            (p, body) ->
                                    work.release(p, address(ctx), WorkRequests.ClaimRequest.parse(body, p, false))));
            r.post(
                    base + "/assign",
                    ctx -> respond(
                            ctx, (p, body) -> work.assign(p, address(ctx), WorkRequests.AssignRequest.parse(body))));
            r.post(
                    base + "/deadline",
                    ctx -> respond(
                            ctx,
                            (p, body) -> work.moveDeadline(p, address(ctx), WorkRequests.DeadlineRequest.parse(body))));
        }
    }

    private void createReview(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        ReviewCreation.Result result = creation.submit(p, ReviewRequests.Create.parse(RequestBodies.json(ctx), p));
        Review review = result.review();
        ObjectNode out = Json.object()
                .put("reviewId", review.id())
                .put("status", review.status().wire())
                .put("versionId", result.versionId())
                .put("link", ReviewJson.link(publicUrl, review.id()));
        out.set("triggeredBy", review.triggeredBy());
        out.set("decision", review.decision() == null ? null : ReviewJson.decision(review));
        Responses.json(ctx, result.created() ? 201 : 200, out);
    }

    private void listQueue(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        QueueQuery query = QueueQuery.parse(
                ctx.queryParamMap().keySet().stream().collect(Collectors.toMap(k -> k, ctx::queryParam)),
                ctx::queryParam,
                clock.millis());
        ReviewReader.Page page = reader.list(p.accountId(), query);
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("data");
        page.reviews().forEach(r -> data.add(ReviewJson.summary(r, publicUrl, clock.millis())));
        out.put("nextCursor", page.nextCursor());
        Responses.json(ctx, 200, out);
    }

    private void getReview(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        Responses.json(ctx, 200, ReviewJson.review(reader.get(p.accountId(), address(ctx)), publicUrl, clock.millis()));
    }

    private void appendVersion(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        ReviewCommands.Appended result =
                commands.append(p, address(ctx), ReviewRequests.Append.parse(RequestBodies.json(ctx), p));
        ObjectNode out = Json.object().put("versionId", result.versionId()).put("created", result.created());
        out.set("review", ReviewJson.review(result.review(), publicUrl, clock.millis()));
        Responses.json(ctx, result.created() ? 201 : 200, out);
    }

    private void giveInstructions(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        Review review = commands.instruct(p, address(ctx), ReviewRequests.Instruct.parse(RequestBodies.json(ctx), p));
        Responses.json(ctx, 200, ReviewJson.review(review, publicUrl, clock.millis()));
    }

    private void decide(Context ctx, Verdict verdict) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        ReviewCommands.Decided result =
                commands.decide(p, address(ctx), verdict, ReviewRequests.Decide.parse(RequestBodies.json(ctx), p));
        ObjectNode out =
                Json.object().put("submissionStatus", result.submission().wire());
        out.set("review", ReviewJson.review(result.review(), publicUrl, clock.millis()));
        Responses.json(ctx, 200, out);
    }

    private void decideInBulk(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        Responses.json(ctx, 200, bulk.run(p, BulkDecisions.Request.parse(RequestBodies.json(ctx), p)));
    }

    /** A route on one review whose answer is the review after the change. */
    private void respond(Context ctx, BiFunction<Principal, JsonNode, Review> change) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        Review review = change.apply(p, RequestBodies.json(ctx));
        Responses.json(ctx, 200, ReviewJson.review(review, publicUrl, clock.millis()));
    }

    /** Long poll: the request is suspended, holding no thread, until the review is ready or time is up. */
    private void waitForReview(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        ReviewReader.WaitFor what = switch (ctx.queryParam("for") == null ? "decision" : ctx.queryParam("for")) {
            case "decision" -> ReviewReader.WaitFor.DECISION;
            case "awaiting" -> ReviewReader.WaitFor.AWAITING;
            default -> throw Problem.badRequest("for must be decision or awaiting");
        };
        CompletableFuture<ReviewReader.Waited> waiting = reader.waitForAsync(
                p.accountId(),
                address(ctx),
                what,
                Duration.ofSeconds(timeoutSeconds(ctx.queryParam("timeoutSeconds"))));
        ctx.future(() -> waiting.thenAccept(waited -> {
            ObjectNode out = Json.object().put("ready", waited.ready());
            out.set(
                    "review",
                    waited.review() == null ? null : ReviewJson.review(waited.review(), publicUrl, clock.millis()));
            Responses.json(ctx, 200, out);
        }));
    }

    private void listEvents(Context ctx) {
        Principal p = ApiKeyAuthenticator.principal(ctx);
        ArrayNode data = Json.array();
        reader.events(p.accountId(), address(ctx)).forEach(e -> data.add(e.payload()));
        ObjectNode out = Json.object();
        out.set("data", data);
        Responses.json(ctx, 200, out);
    }

    /** Seconds to wait: default 30, capped at 60, never negative. */
    static int timeoutSeconds(String raw) {
        if (raw == null) {
            return DEFAULT_WAIT_SECONDS;
        }
        try {
            int seconds = Integer.parseInt(raw);
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Math.min(seconds, MAX_WAIT_SECONDS);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("timeoutSeconds must be a whole number of seconds, 0 to " + MAX_WAIT_SECONDS);
        }
    }

    private static ReviewAddress address(Context ctx) {
        return ctx.pathParamMap().containsKey("reviewId")
                ? ReviewAddress.byId(ctx.pathParam("reviewId"))
                : ReviewAddress.byRun(ctx.pathParam("runId"), ctx.pathParam("blockId"));
    }
}
