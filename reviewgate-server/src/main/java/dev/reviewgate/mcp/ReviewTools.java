package dev.reviewgate.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.FormService;
import dev.reviewgate.form.SnapshotSchema;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.mcp.ToolKit.Hints;
import dev.reviewgate.review.QueueQuery;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewCreation;
import dev.reviewgate.review.ReviewJson;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.ReviewRequests;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review tools: forms, creating and reading reviews, waiting, and the agent's side of the loop.
 * Each builds the request object the REST route parses from the same members, so every check of the
 * API (sizes, pointers, SSRF, other accounts' ids as 404) applies unchanged.
 */
final class ReviewTools {

    static final int MAX_WAIT_SECONDS = 60;
    private static final int MAX_FORMS = 500;

    private final FormService forms;
    private final ReviewCreation creation;
    private final ReviewReader reader;
    private final McpDecisions decisions;
    private final String publicUrl;

    ReviewTools(
            FormService forms, ReviewCreation creation, ReviewReader reader, McpDecisions decisions, String publicUrl) {
        this.forms = forms;
        this.creation = creation;
        this.reader = reader;
        this.decisions = decisions;
        this.publicUrl = publicUrl;
    }

    List<SyncToolSpecification> tools() {
        return List.of(
                ToolKit.tool(
                        "list_forms",
                        "List forms",
                        "The account's forms (review templates): id, name and revision.",
                        ToolSchemas.NONE,
                        Hints.READ_ONLY,
                        this::listForms),
                ToolKit.tool(
                        "get_form_schema",
                        "Get a form's schema",
                        "A JSON Schema of the fields object request_review takes for this form.",
                        ToolSchemas.FORM_ID,
                        Hints.READ_ONLY,
                        this::formSchema),
                ToolKit.tool(
                        "request_review",
                        "Request a review",
                        "Opens a review of `fields` against form `formId` for a person to approve, edit or reject"
                                + " (with updateForReviewId: sends the update a reviewer asked for). Answers"
                                + " reviewId, status, versionId and the reviewer's link.",
                        ToolSchemas.REQUEST_REVIEW,
                        Hints.CREATES,
                        this::requestReview),
                ToolKit.tool(
                        "get_review",
                        "Get a review",
                        "One review with its versions, instructions and decision, by reviewId or by runId and"
                                + " blockId.",
                        ToolSchemas.GET_REVIEW,
                        Hints.READ_ONLY,
                        this::getReview),
                ToolKit.tool(
                        "list_reviews",
                        "List reviews",
                        "A page of reviews, oldest first; pass nextCursor back as cursor.",
                        ToolSchemas.LIST_REVIEWS,
                        Hints.READ_ONLY,
                        this::listReviews),
                ToolKit.tool(
                        "wait_for_decision",
                        "Wait for a decision",
                        "Waits up to timeoutSeconds (at most 60) for the review's decision and answers {ready,"
                                + " review}; ready is false when it is still open. Call again to keep waiting.",
                        ToolSchemas.WAIT,
                        Hints.READ_ONLY,
                        this::waitForDecision),
                ToolKit.tool(
                        "append_version",
                        "Append a version",
                        "Adds a whole new snapshot to an open review, made from version parentId.",
                        ToolSchemas.APPEND_VERSION,
                        Hints.IDEMPOTENT_WRITE,
                        this::appendVersion),
                ToolKit.tool(
                        "approve",
                        "Approve a review",
                        "Approves exactly version versionId. The decision is final.",
                        ToolSchemas.APPROVE,
                        Hints.DESTRUCTIVE,
                        (p, args) -> decide(p, args, true)),
                ToolKit.tool(
                        "reject",
                        "Reject a review",
                        "Rejects version versionId with a reason. The decision is final.",
                        ToolSchemas.REJECT,
                        Hints.DESTRUCTIVE,
                        (p, args) -> decide(p, args, false)));
    }

    private CallToolResult listForms(Principal p, ObjectNode args) {
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("forms");
        for (FormRepository.StoredForm form : forms.list(p.accountId(), null, MAX_FORMS)) {
            data.addObject()
                    .put("id", form.definition().id())
                    .put("name", form.definition().name())
                    .put("revision", form.revision());
        }
        return ToolKit.json(out);
    }

    private CallToolResult formSchema(Principal p, ObjectNode args) {
        String formId = ToolKit.string(args, "formId");
        FormRepository.StoredForm form = forms.get(p.accountId(), formId, null);
        return ToolKit.json(SnapshotSchema.of(form.definition()));
    }

    private CallToolResult requestReview(Principal p, ObjectNode args) {
        ReviewCreation.Result result = creation.submit(p, ReviewRequests.Create.parse(args, p));
        ObjectNode out = Json.object()
                .put("reviewId", result.review().id())
                .put("status", result.review().status().wire())
                .put("versionId", result.versionId())
                .put("link", ReviewJson.link(publicUrl, result.review().id()));
        return ToolKit.json(out);
    }

    private CallToolResult getReview(Principal p, ObjectNode args) {
        return ToolKit.json(ReviewJson.review(reader.get(p.accountId(), address(args)), publicUrl, reader.now()));
    }

    private CallToolResult listReviews(Principal p, ObjectNode args) {
        Map<String, String> params = new HashMap<>();
        args.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                params.put(e.getKey(), e.getValue().asText());
            }
        });
        ReviewReader.Page page = reader.list(p.accountId(), QueueQuery.parse(params, params::get, reader.now()));
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("data");
        page.reviews().forEach(r -> data.add(ReviewJson.summary(r, publicUrl, reader.now())));
        out.put("nextCursor", page.nextCursor());
        return ToolKit.json(out);
    }

    private CallToolResult waitForDecision(Principal p, ObjectNode args) throws InterruptedException {
        ReviewReader.Waited waited = reader.waitFor(
                p.accountId(),
                ReviewAddress.byId(ToolKit.string(args, "reviewId")),
                ReviewReader.WaitFor.DECISION,
                Duration.ofSeconds(seconds(args, 30)));
        ObjectNode out = Json.object().put("ready", waited.ready());
        out.set("review", waited.review() == null ? null : ReviewJson.review(waited.review(), publicUrl, reader.now()));
        return ToolKit.json(out);
    }

    private CallToolResult appendVersion(Principal p, ObjectNode args) {
        ObjectNode body = ToolKit.pick(args, "parentId", "snapshot", "note", "origin");
        if (!body.has("origin")) {
            // The caller of an MCP tool is an agent: its edit is checked like the agent's own output.
            body.put("origin", "agent_edit");
        }
        var appended = decisions.append(
                p, ReviewAddress.byId(ToolKit.string(args, "reviewId")), ReviewRequests.Append.parse(body, p));
        ObjectNode out = Json.object().put("versionId", appended.versionId()).put("created", appended.created());
        out.set("review", ReviewJson.review(appended.review(), publicUrl, reader.now()));
        return ToolKit.json(out);
    }

    private CallToolResult decide(Principal p, ObjectNode args, boolean approve) {
        ReviewRequests.Decide request = ReviewRequests.Decide.parse(ToolKit.pick(args, "versionId", "reason"), p);
        var decided = decisions.decide(p, ReviewAddress.byId(ToolKit.string(args, "reviewId")), approve, request);
        ObjectNode out =
                Json.object().put("submissionStatus", decided.submission().wire());
        out.set("review", ReviewJson.review(decided.review(), publicUrl, reader.now()));
        return ToolKit.json(out);
    }

    /** {@code reviewId}, or {@code runId} with {@code blockId}. */
    private static ReviewAddress address(ObjectNode args) {
        String reviewId = ToolKit.string(args, "reviewId");
        String runId = ToolKit.string(args, "runId");
        String blockId = ToolKit.string(args, "blockId");
        if (reviewId != null && runId == null && blockId == null) {
            return ReviewAddress.byId(reviewId);
        }
        if (reviewId == null && runId != null && blockId != null) {
            return ReviewAddress.byRun(runId, blockId);
        }
        throw Problem.invalid("", "name the review by reviewId, or by runId and blockId together");
    }

    /** {@code timeoutSeconds}: a whole number from 0 to 60, {@code fallback} when absent. */
    static int seconds(ObjectNode args, int fallback) {
        JsonNode node = args.get("timeoutSeconds");
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToExactIntegral() || node.asLong() < 0 || node.asLong() > MAX_WAIT_SECONDS) {
            throw Problem.invalid("/timeoutSeconds", "must be a whole number of seconds, 0 to " + MAX_WAIT_SECONDS);
        }
        return node.asInt();
    }
}
