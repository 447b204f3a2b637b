package dev.reviewgate.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.form.BuiltInForms;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.mcp.ToolKit.Hints;
import dev.reviewgate.review.Decision;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewCreation;
import dev.reviewgate.review.ReviewJson;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.ReviewRequests;
import dev.reviewgate.review.Verdict;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.List;

/**
 * The gates an agent blocks on: {@code request_permission} (a {@code tool-call} review, answered in
 * Claude Code's permission-prompt format) and {@code ask_human} (a {@code question} review). Both
 * open an ordinary review, so the inbox, notifications, deadlines and audit apply, then wait a
 * bounded time. No decision in time is a deny (fail closed) with the review's link.
 */
final class GateTools {

    private static final int DEFAULT_WAIT_SECONDS = 60;
    private static final int MAX_TITLE = 120;

    private final ReviewCreation creation;
    private final ReviewReader reader;
    private final String publicUrl;

    GateTools(ReviewCreation creation, ReviewReader reader, String publicUrl) {
        this.creation = creation;
        this.reader = reader;
        this.publicUrl = publicUrl;
    }

    List<SyncToolSpecification> tools() {
        return List.of(
                ToolKit.tool(
                        "request_permission",
                        "Ask permission for a tool call",
                        "Asks a person whether the agent may call tool_name with input (Claude Code's"
                                + " --permission-prompt-tool). The text answer is {\"behavior\":\"allow\","
                                + "\"updatedInput\":{…}} with the input as approved (possibly edited), or"
                                + " {\"behavior\":\"deny\",\"message\":\"…\"}. No decision within timeoutSeconds"
                                + " is a deny with the review's link.",
                        ToolSchemas.REQUEST_PERMISSION,
                        Hints.CREATES,
                        this::requestPermission),
                ToolKit.tool(
                        "ask_human",
                        "Ask a person",
                        "Asks a person a question and waits up to timeoutSeconds for the answer. The text is the"
                                + " answer, or 'Not answered yet' with the link to the open question.",
                        ToolSchemas.ASK_HUMAN,
                        Hints.CREATES,
                        this::askHuman));
    }

    private CallToolResult requestPermission(Principal p, ObjectNode args) throws InterruptedException {
        String tool = ToolKit.string(args, "tool_name");
        ObjectNode fields = Json.object();
        fields.set("tool", args.get("tool_name"));
        fields.set("input", args.get("input"));
        ObjectNode body = Json.object().put("formId", BuiltInForms.TOOL_CALL);
        body.set("fields", fields);
        if (tool != null) {
            body.put("title", shorten("Allow " + tool + "?"));
        }
        if (args.hasNonNull("tool_use_id")) {
            body.putObject("meta").set("toolUseId", args.get("tool_use_id"));
        }
        int seconds = ReviewTools.seconds(args, DEFAULT_WAIT_SECONDS);
        Review review = await(p, body, seconds);
        ObjectNode answer = Json.object();
        if (review.isDecided() && review.decision().verdict() == Verdict.APPROVED) {
            answer.put("behavior", "allow");
            answer.set("updatedInput", approved(review).get("input"));
        } else {
            answer.put("behavior", "deny");
            answer.put(
                    "message",
                    review.isDecided()
                            ? "Denied by " + decider(review.decision()) + ": "
                                    + review.decision().reason()
                            : "No decision within " + seconds + " s, so the call is denied. The request is still"
                                    + " open for review at " + link(review));
        }
        return ToolKit.text(Json.write(answer), answer);
    }

    private CallToolResult askHuman(Principal p, ObjectNode args) throws InterruptedException {
        String question = ToolKit.string(args, "question");
        ObjectNode fields = Json.object();
        fields.set("question", args.get("question"));
        fields.put("answer", "");
        ObjectNode body = Json.object().put("formId", BuiltInForms.QUESTION);
        body.set("fields", fields);
        if (question != null) {
            body.put("title", shorten(question.strip().lines().findFirst().orElse("Question")));
        }
        Review review = await(p, body, ReviewTools.seconds(args, DEFAULT_WAIT_SECONDS));
        ObjectNode out = Json.object().put("reviewId", review.id()).put("link", link(review));
        String text;
        if (!review.isDecided()) {
            out.put("answered", false);
            text = "Not answered yet. The question is open at " + link(review);
        } else if (review.decision().verdict() == Verdict.APPROVED) {
            text = approved(review).path("answer").asText("");
            out.put("answered", true).put("answer", text);
        } else {
            out.put("answered", false);
            text = "Declined by " + decider(review.decision()) + ": "
                    + review.decision().reason();
        }
        return ToolKit.text(text, out);
    }

    /** Opens the review exactly as {@code POST /v1/reviews} would, then waits for its decision. */
    private Review await(Principal p, ObjectNode body, int seconds) throws InterruptedException {
        ReviewCreation.Result created = creation.submit(p, ReviewRequests.Create.parse(body, p));
        Review review = created.review();
        if (review.isDecided()) {
            return review;
        }
        ReviewReader.Waited waited = reader.waitFor(
                p.accountId(),
                ReviewAddress.byId(review.id()),
                ReviewReader.WaitFor.DECISION,
                Duration.ofSeconds(seconds));
        return waited.review() == null ? review : waited.review();
    }

    private static JsonNode approved(Review review) {
        return review.version(review.decision().versionId()).orElseThrow().snapshot();
    }

    private static String decider(Decision decision) {
        String name = decision.decidedBy().displayName();
        return name == null ? decision.decidedBy().id() : name;
    }

    private String link(Review review) {
        return ReviewJson.link(publicUrl, review.id());
    }

    private static String shorten(String title) {
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }
}
