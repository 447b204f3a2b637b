package dev.reviewgate.humanlayer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.form.BuiltInForms;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewCreation;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.ReviewRequests;
import dev.reviewgate.review.Verdict;
import java.util.Optional;
import java.util.Set;

/**
 * HumanLayer's function calls and human contacts, each an ordinary review: a function call is a
 * {@code tool-call} review, a contact a {@code question} review. The client's {@code call_id} is the
 * review's block at a fixed run per kind, so the database's one-review-per-gate rule makes a repeat
 * idempotent; the request as sent is kept in {@code meta.humanlayer} to tell a repeat (same body)
 * from a clash (another body, 409).
 */
final class HumanLayerCalls {

    /** The two kinds of request, each with its form and the run its calls are gated at. */
    enum Kind {
        FUNCTION_CALL(BuiltInForms.TOOL_CALL, "humanlayer-function-calls"),
        HUMAN_CONTACT(BuiltInForms.QUESTION, "humanlayer-human-contacts");

        final String formId;
        final String runId;

        Kind(String formId, String runId) {
            this.formId = formId;
            this.runId = runId;
        }
    }

    private static final int MAX_ID = 200;
    private static final int MAX_TITLE = 120;

    private final ReviewCreation creation;
    private final ReviewCommands commands;
    private final ReviewReader reader;

    HumanLayerCalls(ReviewCreation creation, ReviewCommands commands, ReviewReader reader) {
        this.creation = creation;
        this.commands = commands;
        this.reader = reader;
    }

    /** Opens the review for a request, or finds the one this exact request already opened. */
    Review create(Principal p, Kind kind, JsonNode body) {
        BodyReader r = BodyReader.of(body, Set.of("run_id", "call_id", "spec", "status"));
        String runId = r.optionalString("run_id", MAX_ID);
        String callId = r.requiredString("call_id", MAX_ID);
        JsonNode spec = r.requiredObject("spec");
        r.throwIfInvalid();
        ObjectNode request = Json.object().put("formId", kind.formId).put("runId", kind.runId);
        request.put("blockId", callId);
        if (runId != null) {
            request.put("workflowId", runId);
        }
        request.set("fields", kind == Kind.FUNCTION_CALL ? functionCallFields(spec) : contactFields(spec));
        request.put("title", title(kind, spec));
        ObjectNode stored = Json.object();
        stored.set("run_id", body.get("run_id"));
        stored.put("call_id", callId);
        stored.set("spec", spec);
        request.putObject("meta").set("humanlayer", stored);
        try {
            return creation.submit(p, ReviewRequests.Create.parse(request, p)).review();
        } catch (Problem e) {
            if (e.status() != 409) {
                throw e;
            }
            Review existing = reader.get(p.accountId(), address(kind, callId));
            if (!stored.equals(existing.meta().get("humanlayer"))) {
                throw Problem.conflict("call_id " + callId + " was already sent with another body");
            }
            return existing;
        }
    }

    Review get(Principal p, Kind kind, String callId) {
        return reader.get(p.accountId(), address(kind, callId));
    }

    /** The agent-side answer to a function call: approve the version under review, or reject it. */
    Review respondToCall(Principal p, String callId, JsonNode body) {
        BodyReader r = BodyReader.of(
                body, Set.of("approved", "comment", "reject_option_name", "requested_at", "responded_at"));
        JsonNode approved = r.present("approved");
        String comment = r.optionalString("comment", 2_000);
        if (approved == null || !approved.isBoolean()) {
            r.add(java.util.List.of(new dev.reviewgate.error.Violation("/approved", "must be true or false")));
        }
        r.throwIfInvalid();
        ReviewAddress address = address(Kind.FUNCTION_CALL, callId);
        Review review = reader.get(p.accountId(), address);
        boolean approve = approved.asBoolean();
        String reason = approve
                ? comment
                : Optional.ofNullable(comment).filter(c -> !c.isBlank()).orElse("Denied");
        return commands.decide(
                        p,
                        address,
                        approve ? Verdict.APPROVED : Verdict.REJECTED,
                        new ReviewRequests.Decide(review.headVersionId(), reason, p.actor()))
                .review();
    }

    /** The agent-side answer to a contact: the answer becomes a version, which is approved. */
    Review respondToContact(Principal p, String callId, JsonNode body) {
        BodyReader r = BodyReader.of(body, Set.of("response", "response_option_name", "requested_at", "responded_at"));
        String response = r.requiredString("response", 100_000);
        r.throwIfInvalid();
        ReviewAddress address = address(Kind.HUMAN_CONTACT, callId);
        Review review = reader.get(p.accountId(), address);
        ObjectNode snapshot = review.head().snapshot().deepCopy();
        snapshot.put("answer", response);
        ObjectNode append =
                Json.object().put("parentId", review.headVersionId()).put("origin", "human_edit");
        append.set("snapshot", snapshot);
        ReviewCommands.Appended appended = commands.append(p, address, ReviewRequests.Append.parse(append, p));
        return commands.decide(
                        p, address, Verdict.APPROVED, new ReviewRequests.Decide(appended.versionId(), null, p.actor()))
                .review();
    }

    /** HumanLayer's FunctionCall or HumanContact object for a review. */
    static ObjectNode toJson(Kind kind, Review review) {
        ObjectNode out = review.meta().path("humanlayer").isObject()
                ? ((ObjectNode) review.meta().get("humanlayer")).deepCopy()
                : Json.object().put("call_id", review.blockId());
        ObjectNode status = out.putObject("status");
        status.put("requested_at", Times.iso(review.createdAt()));
        status.put(
                "responded_at", review.isDecided() ? Times.iso(review.decision().decidedAt()) : null);
        boolean approved = review.isDecided() && review.decision().verdict() == Verdict.APPROVED;
        if (kind == Kind.FUNCTION_CALL) {
            if (review.isDecided()) {
                status.put("approved", approved);
            } else {
                status.putNull("approved");
            }
            status.put("comment", review.isDecided() ? review.decision().reason() : null);
        } else if (!review.isDecided()) {
            status.putNull("response");
        } else {
            status.put(
                    "response",
                    approved
                            ? review.version(review.decision().versionId())
                                    .orElseThrow()
                                    .snapshot()
                                    .path("answer")
                                    .asText("")
                            : review.decision().reason());
        }
        return out;
    }

    private static ObjectNode functionCallFields(JsonNode spec) {
        ObjectNode fields = Json.object();
        fields.set("tool", spec.get("fn"));
        fields.set("input", spec.has("kwargs") ? spec.get("kwargs") : Json.object());
        return fields;
    }

    private static ObjectNode contactFields(JsonNode spec) {
        ObjectNode fields = Json.object();
        fields.set("question", spec.get("msg"));
        fields.put("answer", "");
        return fields;
    }

    private static String title(Kind kind, JsonNode spec) {
        String title = kind == Kind.FUNCTION_CALL
                ? "Allow " + spec.path("fn").asText("a function") + "?"
                : spec.path("subject")
                        .asText(spec.path("msg").asText("Question"))
                        .strip()
                        .lines()
                        .findFirst()
                        .orElse("Question");
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }

    private static ReviewAddress address(Kind kind, String callId) {
        return ReviewAddress.byRun(kind.runId, callId);
    }
}
