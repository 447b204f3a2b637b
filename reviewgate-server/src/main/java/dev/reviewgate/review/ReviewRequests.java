package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.BodyReader;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.routing.Assignees;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.Reminders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The request bodies of the review routes, checked member by member. */
public final class ReviewRequests {

    static final int MAX_ID = 200;
    static final int MAX_TITLE = 500;
    static final int MAX_NOTE = 2_000;

    private ReviewRequests() {}

    /** {@code POST /v1/reviews}: a new review, or with {@code updateForReviewId} the agent's update. */
    public record Create(
            String formId,
            JsonNode fields,
            ReviewLabels labels,
            ReviewHeader.RunAddress address,
            String webhookUrl,
            Actor author,
            JsonNode signals,
            String updateForReviewId,
            boolean metaGiven,
            boolean titleGiven,
            Deadline deadline,
            Reminders remind) {

        private static final Set<String> MEMBERS = Set.of(
                "formId",
                "fields",
                "meta",
                "title",
                "assignTo",
                "assignToGroups",
                "webhookUrl",
                "workflowId",
                "runId",
                "blockId",
                "author",
                "signals",
                "updateForReviewId",
                "priority",
                "deadline",
                "remind");

        public static Create parse(JsonNode body, Principal principal) {
            BodyReader r = BodyReader.of(body, MEMBERS);
            String formId = r.requiredString("formId", MAX_ID);
            JsonNode fields = r.requiredObject("fields");
            JsonNode meta = r.optionalObject("meta");
            String title = r.optionalString("title", MAX_TITLE);
            List<Violation> errors = new ArrayList<>();
            Assignees assignees = Assignees.parse(body, "", errors);
            int priority = priority(body.get("priority"), errors);
            Deadline deadline = Deadline.parse(body.get("deadline"), "/deadline", true, errors);
            Reminders remind = Reminders.parse(body.get("remind"), "/remind", errors);
            r.add(errors);
            String webhookUrl = r.optionalUrl("webhookUrl");
            String workflowId = r.optionalString("workflowId", MAX_ID);
            String runId = r.optionalString("runId", MAX_ID);
            String blockId = r.optionalString("blockId", MAX_ID);
            if ((r.present("runId") == null) != (r.present("blockId") == null)) {
                r.add(List.of(new Violation(
                        r.present("runId") == null ? "/runId" : "/blockId",
                        "runId and blockId address a gate together; give both or neither")));
            }
            JsonNode signals = r.optionalObject("signals");
            String update = r.optionalString("updateForReviewId", MAX_ID);
            Actor author = readAuthor(r, principal);
            if (fields != null) {
                r.add(CanonicalJson.unrepresentableNumbers(fields, "/fields"));
            }
            r.throwIfInvalid();
            return new Create(
                    formId,
                    fields,
                    new ReviewLabels(title, meta == null ? Json.object() : meta, assignees, priority),
                    new ReviewHeader.RunAddress(workflowId, runId, blockId),
                    webhookUrl,
                    author,
                    signals == null ? Json.object() : signals,
                    update,
                    meta != null,
                    title != null,
                    deadline,
                    remind);
        }

        /** Whether the request names any assignee (else the form's routing defaults apply). */
        public boolean assigns() {
            return !labels.assignees().isEmpty();
        }

        private static int priority(JsonNode node, List<Violation> errors) {
            if (node == null || node.isNull()) {
                return ReviewLabels.DEFAULT_PRIORITY;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > 100) {
                errors.add(new Violation("/priority", "must be a whole number from 0 to 100"));
                return ReviewLabels.DEFAULT_PRIORITY;
            }
            return node.asInt();
        }

        public String runId() {
            return address.runId();
        }

        public String blockId() {
            return address.blockId();
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
            Origin origin = originText == null
                    ? Origin.HUMAN_EDIT
                    : Origin.fromWire(originText).orElse(null);
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

    /** {@code POST …/instructions}: per-field retry requests, in the order given. */
    public record Instruct(Map<String, RetryRequest> fields, Actor author) {

        private static final Set<String> REQUEST_MEMBERS = Set.of("type", "text");

        public static Instruct parse(JsonNode body, Principal principal) {
            BodyReader r = BodyReader.of(body, Set.of("fields", "author"));
            JsonNode fields = r.requiredObject("fields");
            Actor author = readAuthor(r, principal);
            Map<String, RetryRequest> requests = new LinkedHashMap<>();
            if (fields != null) {
                List<Violation> errors = new ArrayList<>();
                fields.properties()
                        .forEach(e -> retryRequest(e.getValue(), Violation.child("/fields", e.getKey()), errors)
                                .ifPresent(request -> requests.put(e.getKey(), request)));
                r.add(errors);
            }
            r.throwIfInvalid();
            return new Instruct(requests, author);
        }

        private static Optional<RetryRequest> retryRequest(JsonNode body, String pointer, List<Violation> errors) {
            if (!body.isObject()) {
                errors.add(new Violation(
                        pointer, "must be {\"type\":\"rerun\"} or {\"type\":\"textInstruction\",\"text\":\"…\"}"));
                return Optional.empty();
            }
            int before = errors.size();
            body.fieldNames().forEachRemaining(n -> {
                if (!REQUEST_MEMBERS.contains(n)) {
                    errors.add(Violation.at(pointer, n, "unknown member"));
                }
            });
            Optional<InstructionType> type =
                    InstructionType.fromWire(body.path("type").asText(""));
            JsonNode text = body.get("text");
            if (type.isEmpty()) {
                errors.add(Violation.at(pointer, "type", "must be rerun or textInstruction"));
            } else if (type.get() == InstructionType.RERUN && text != null) {
                errors.add(Violation.at(pointer, "text", "a rerun carries no text"));
            } else if (type.get() == InstructionType.TEXT
                    && (text == null
                            || !text.isTextual()
                            || text.asText().isBlank()
                            || text.asText().length() > InstructionRules.MAX_TEXT_LENGTH)) {
                errors.add(Violation.at(
                        pointer,
                        "text",
                        "must be a non-empty string of at most " + InstructionRules.MAX_TEXT_LENGTH + " characters"));
            }
            return errors.size() > before
                    ? Optional.empty()
                    : Optional.of(new RetryRequest(type.get(), text == null ? null : text.asText()));
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
