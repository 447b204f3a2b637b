package dev.reviewgate.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.event.EventType;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.kernel.Via;
import java.util.List;

/**
 * Builds the webhook payload of an event: a superset of gotoHuman's, with {@code responseValues}
 * per visible field of the reported version ({@code value}, {@code wasEdited},
 * {@code allTextInstructions}, and on instructions the field's {@code instruction}).
 */
public final class EventPayloads {

    /** What the payload reports: the event, its id and sequence, who responded and on which version. */
    public record Context(
            EventType type,
            String eventId,
            long sequence,
            String respondingUser,
            Via via,
            long respondedAt,
            String versionId,
            String publicUrl) {}

    private EventPayloads() {}

    public static ObjectNode build(Review review, Context c) {
        ObjectNode out = Json.object()
                .put("type", c.type().type())
                .put("event", c.type().event())
                .put("eventId", c.eventId())
                .put("sequence", c.sequence())
                .put("accountId", review.accountId())
                .put("reviewId", review.id())
                .put("formId", review.formId())
                .put("formName", review.formName())
                .put("formRevision", review.formRevision());
        out.put("status", review.status().wire());
        out.put("respondingUser", c.respondingUser());
        out.put("respondedAt", Times.iso(c.respondedAt()));
        out.put("via", c.via().wire());
        if (c.type() == EventType.APPROVED || c.type() == EventType.REJECTED) {
            out.put("response", review.decision().verdict().wire());
            out.put("reason", review.decision().reason());
        }
        Version version = review.version(c.versionId()).orElseThrow();
        out.set("responseValues", responseValues(review, version, c.type()));
        out.set("meta", review.meta());
        out.put("versionId", version.id());
        out.put("parentVersionId", version.parentId());
        out.put("origin", version.origin().wire());
        out.put("title", review.title());
        out.put("workflowId", review.workflowId());
        out.put("runId", review.runId());
        out.put("blockId", review.blockId());
        out.put("round", review.round());
        out.set("assignedTo", ReviewJson.strings(review.assignedTo()));
        out.set("assignedToGroups", ReviewJson.strings(review.assignedGroups()));
        out.put("priority", review.priority());
        out.put("dueAt", Times.isoOrNull(review.dueAt()));
        Claim claim = review.work().claim();
        out.set("claim", claim == null || c.type() == EventType.RELEASED ? null : ReviewJson.claim(claim));
        if (c.type() == EventType.VOTED) {
            List<Vote> votes = review.votesOn(c.versionId());
            out.put("votes", votes.size());
        }
        out.put("link", ReviewJson.link(c.publicUrl(), review.id()));
        return out;
    }

    private static ObjectNode responseValues(Review review, Version version, EventType type) {
        List<Instruction> round =
                type == EventType.INSTRUCTIONS ? review.history().instructionsOfRound(review.round()) : List.of();
        ObjectNode values = Json.object();
        for (String fieldId : review.visibleFields()) {
            ObjectNode field = values.putObject(fieldId);
            field.set("value", version.snapshot().get(fieldId));
            field.put("wasEdited", review.history().wasEdited(version, fieldId));
            round.stream()
                    .filter(i -> i.fieldId().equals(fieldId))
                    .findFirst()
                    .ifPresent(i -> field.set("instruction", instruction(i)));
            ArrayNode texts = field.putArray("allTextInstructions");
            review.history().allTextInstructions(fieldId).forEach(texts::add);
        }
        return values;
    }

    private static ObjectNode instruction(Instruction i) {
        ObjectNode out = Json.object().put("type", i.type().wire());
        if (i.text() != null) {
            out.put("text", i.text());
        }
        return out;
    }
}
