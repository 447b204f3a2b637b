package dev.reviewgate.review;

import dev.reviewgate.kernel.Actor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import java.util.List;
import java.util.Set;

/** The request bodies of the review routes, checked member by member. */
public final class ReviewRequests {

    static final int MAX_ID = 200;
    static final int MAX_TITLE = 500;
    static final int MAX_NOTE = 2_000;

    private ReviewRequests() {
    }

    /** {@code POST /v1/reviews}: a new review, or with {@code updateForReviewId} the agent's update. */
    public record Create(String formId, JsonNode fields, JsonNode meta, String title, List<String> assignTo,
                         List<String> assignToGroups, String webhookUrl, String workflowId, String runId,
                         String blockId, Actor author, JsonNode signals, String updateForReviewId,
                         boolean metaGiven, boolean titleGiven) {

        private static final Set<String> MEMBERS = Set.of("formId", "fields", "meta", "title", "assignTo",
                "assignToGroups", "webhookUrl", "workflowId", "runId", "blockId", "author", "signals",
                "updateForReviewId");

        public static Create parse(JsonNode body, Principal principal) {
            BodyReader r = BodyReader.of(body, MEMBERS);
            String formId = r.requiredString("formId", MAX_ID);
            JsonNode fields = r.requiredObject("fields");
            JsonNode meta = r.optionalObject("meta");
            String title = r.optionalString("title", MAX_TITLE);
            List<String> assignTo = r.stringList("assignTo", 100, MAX_ID);
            List<String> groups = r.stringList("assignToGroups", 100, MAX_ID);
            String webhookUrl = r.optionalUrl("webhookUrl");
            String workflowId = r.optionalString("workflowId", MAX_ID);
            String runId = r.optionalString("runId", MAX_ID);
            String blockId = r.optionalString("blockId", MAX_ID);
            if ((r.present("runId") == null) != (r.present("blockId") == null)) {
                r.add(List.of(new Violation(r.present("runId") == null ? "/runId" : "/blockId",
                        "runId and blockId address a gate together; give both or neither")));
            }
            JsonNode signals = r.optionalObject("signals");
            String update = r.optionalString("updateForReviewId", MAX_ID);
            Actor author = readAuthor(r, principal);
            if (fields != null) {
                r.add(CanonicalJson.unrepresentableNumbers(fields, "/fields"));
            }
            r.throwIfInvalid();
            return new Create(formId, fields, meta == null ? Json.object() : meta, title, assignTo, groups,
                    webhookUrl, workflowId, runId, blockId, author, signals == null ? Json.object() : signals,
                    update, meta != null, title != null);
        }
    }

    /** {@code POST …/versions}: a whole snapshot authored from {@code parentId}. */
    public record Append(String parentId, JsonNode snapshot, Origin origin, String note, Actor author) {

        private static final Set<String> MEMBERS = Set.of("parentId", "snapshot", "origin", "note", "author");

        public static Append parse(JsonNode body, Principal principal) {
            BodyReader r = BodyReader.of(body, MEMBERS);
            String parentId = r.requiredString("parentId", 64);
            JsonNode snapshot = r.requiredObject("snapshot");
            String originText = r.optionalString("origin", 32);
            Origin origin = originText == null ? Origin.HUMAN_EDIT : Origin.fromWire(originText).orElse(null);
            if (originText != null && origin == null) {
                r.add(List.of(new Violation("/origin", "must be one of model_output, human_edit, agent_edit")));
            }
            String note = r.optionalString("note", MAX_NOTE);
            Actor author = readAuthor(r, principal);
            if (snapshot != null) {
                r.add(CanonicalJson.unrepresentableNumbers(snapshot, "/snapshot"));
            }
            r.throwIfInvalid();
            return new Append(parentId, snapshot, origin, note, author);
        }
    }

    /** {@code POST …/instructions}: per-field retry requests. */
    public record Instruct(JsonNode fields, Actor author) {

        public static Instruct parse(JsonNode body, Principal principal) {
            BodyReader r = BodyReader.of(body, Set.of("fields", "author"));
            JsonNode fields = r.requiredObject("fields");
            Actor author = readAuthor(r, principal);
            r.throwIfInvalid();
            return new Instruct(fields, author);
        }
    }

    /** {@code POST …/approve} and {@code …/reject}. */
    public record Decide(String versionId, String reason, Actor author) {

        public static Decide parse(JsonNode body, Principal principal) {
            BodyReader r = BodyReader.of(body, Set.of("versionId", "reason", "author"));
            String versionId = r.requiredString("versionId", 64);
            String reason = r.optionalString("reason", DecisionRules.MAX_REASON_LENGTH);
            Actor author = readAuthor(r, principal);
            r.throwIfInvalid();
            return new Decide(versionId, reason, author);
        }
    }

    private static Actor readAuthor(BodyReader r, Principal principal) {
        JsonNode node = r.present("author");
        if (node == null) {
            return principal.actor();
        }
        List<Violation> errors = Actor.check(node, "/author");
        r.add(errors);
        return errors.isEmpty() ? Actor.from(node) : null;
    }
}
