package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/reviews/bulk} and the inbox's "decide selected": one verdict over explicit
 * {@code (reviewId, versionId)} pairs, never "all pending". Each item is decided in its own
 * transaction through {@link ReviewCommands#decide}, so every rule (versions, quorum, claims,
 * routing) applies per item, and one item's failure leaves the others standing.
 */
public final class BulkDecisions {

    public static final int MAX_ITEMS = 200;

    /** One pair to decide. */
    public record Item(String reviewId, String versionId) {}

    /** The parsed request. */
    public record Request(Verdict verdict, List<Item> items, String reason, Actor author) {

        public static Request parse(JsonNode body, Principal principal) {
            BodyReader r = BodyReader.of(body, Set.of("action", "items", "reason", "author"));
            String action = r.requiredString("action", 16);
            List<Violation> errors = new ArrayList<>();
            Verdict verdict = null;
            if (action != null) {
                verdict = switch (action) {
                    case "approve" -> Verdict.APPROVED;
                    case "reject" -> Verdict.REJECTED;
                    default -> {
                        errors.add(new Violation("/action", "must be approve or reject"));
                        yield null;
                    }
                };
            }
            List<Item> items = items(body.get("items"), errors);
            String reason = r.optionalString("reason", DecisionRules.MAX_REASON_LENGTH);
            if (verdict == Verdict.REJECTED && (reason == null || reason.isBlank())) {
                errors.add(new Violation("/reason", "a rejection needs a non-empty reason"));
            }
            JsonNode authorNode = r.present("author");
            Actor author = principal.actor();
            if (authorNode != null) {
                List<Violation> authorErrors = Actor.check(authorNode, "/author");
                errors.addAll(authorErrors);
                author = authorErrors.isEmpty() ? Actor.from(authorNode) : null;
            }
            r.add(errors);
            r.throwIfInvalid();
            return new Request(verdict, items, reason, author);
        }

        private static List<Item> items(JsonNode node, List<Violation> errors) {
            if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_ITEMS) {
                errors.add(new Violation(
                        "/items", "must be an array of 1 to " + MAX_ITEMS + " {\"reviewId\",\"versionId\"} pairs"));
                return List.of();
            }
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String pointer = Violation.child("/items", i);
                List<Violation> itemErrors = new ArrayList<>();
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    errors.add(new Violation(pointer, "must be {\"reviewId\",\"versionId\"}"));
                    continue;
                }
                BodyReader ir = BodyReader.of(item, Set.of("reviewId", "versionId"));
                String reviewId = BodyReader.string(item, "reviewId", pointer, true, ReviewRequests.MAX_ID, itemErrors);
                String versionId = BodyReader.string(item, "versionId", pointer, true, 64, itemErrors);
                try {
                    ir.throwIfInvalid();
                } catch (Problem p) {
                    p.errors().forEach(v -> itemErrors.add(new Violation(pointer + v.pointer(), v.message())));
                }
                errors.addAll(itemErrors);
                if (itemErrors.isEmpty()) {
                    items.add(new Item(reviewId, versionId));
                }
            }
            return items;
        }
    }

    private final ReviewCommands commands;

    public BulkDecisions(ReviewCommands commands) {
        this.commands = commands;
    }

    /** {@code {"results":[{"reviewId","status","submissionStatus"?,"error"?}]}}, one per item, in order. */
    public ObjectNode run(Principal p, Request req) {
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("results");
        for (Item item : req.items()) {
            ObjectNode result = results.addObject().put("reviewId", item.reviewId());
            try {
                ReviewCommands.Decided decided = commands.decide(
                        p,
                        ReviewAddress.byId(item.reviewId()),
                        req.verdict(),
                        new ReviewRequests.Decide(item.versionId(), req.reason(), req.author()));
                result.put("status", 200)
                        .put("submissionStatus", decided.submission().wire());
            } catch (Problem problem) {
                result.put("status", problem.status());
                result.put("error", problem.detail() != null ? problem.detail() : problem.title());
            }
        }
        return out;
    }
}
