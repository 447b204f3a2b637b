package dev.reviewgate.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Times;
import java.util.List;

/** The review object and queue summary of the API, exactly as the spec shapes them. */
public final class ReviewJson {

    private ReviewJson() {}

    public static String link(String publicUrl, String reviewId) {
        return publicUrl + "/reviews/" + reviewId;
    }

    public static ObjectNode review(Review r, String publicUrl) {
        ObjectNode out = header(r);
        ObjectNode versions = out.putObject("versionsById");
        for (Version v : r.versions()) {
            ObjectNode node = versions.putObject(v.id());
            node.set("snapshot", v.snapshot());
            node.put("parentId", v.parentId());
            node.put("origin", v.origin().wire());
            node.set("author", v.author().toJson());
            node.put("note", v.note());
            node.put("createdAt", Times.iso(v.createdAt()));
        }
        ArrayNode instructions = out.putArray("instructions");
        r.instructions().forEach(i -> instructions.add(instruction(i)));
        out.set("decision", r.decision() == null ? null : decision(r.decision()));
        reorderTail(out, r, publicUrl);
        return out;
    }

    /** A queue entry: the header without versions or instructions. */
    public static ObjectNode summary(Review r, String publicUrl) {
        ObjectNode out = header(r);
        out.set("decision", r.decision() == null ? null : decision(r.decision()));
        reorderTail(out, r, publicUrl);
        return out;
    }

    public static ObjectNode decision(Decision d) {
        ObjectNode out = Json.object().put("verdict", d.verdict().wire()).put("versionId", d.versionId());
        out.put("reason", d.reason());
        out.set("decidedBy", d.decidedBy().toJson());
        out.put("decidedAt", Times.iso(d.decidedAt()));
        return out;
    }

    public static ObjectNode instruction(Instruction i) {
        ObjectNode out =
                Json.object().put("fieldId", i.fieldId()).put("type", i.type().wire());
        if (i.text() != null) {
            out.put("text", i.text());
        }
        out.put("round", i.round()).put("versionId", i.versionId());
        out.set("author", i.author().toJson());
        out.put("createdAt", Times.iso(i.createdAt()));
        return out;
    }

    /** The 409 for any change to a decided review; its body carries the current decision. */
    public static Problem alreadyDecided(Review review) {
        Decision d = review.decision();
        return Problem.conflict("The review was already " + d.verdict().wire() + " on version " + d.versionId() + ".")
                .with("decision", decision(d));
    }

    private static ObjectNode header(Review r) {
        ObjectNode out = Json.object()
                .put("id", r.id())
                .put("formId", r.formId())
                .put("formName", r.formName())
                .put("formRevision", r.formRevision());
        out.put("title", r.title());
        out.put("status", r.status().wire());
        out.put("workflowId", r.workflowId());
        out.put("runId", r.runId());
        out.put("blockId", r.blockId());
        out.set("meta", r.meta());
        out.put("headVersionId", r.headVersionId());
        return out;
    }

    private static void reorderTail(ObjectNode out, Review r, String publicUrl) {
        out.set("triggeredBy", r.triggeredBy());
        out.put("awaitingSince", Times.isoOrNull(r.awaitingSince()));
        out.set("assignedTo", strings(r.assignedTo()));
        out.set("assignedToGroups", strings(r.assignedGroups()));
        out.put("createdAt", Times.iso(r.createdAt()));
        out.put("updatedAt", Times.iso(r.updatedAt()));
        out.put("link", link(publicUrl, r.id()));
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode out = Json.array();
        values.forEach(out::add);
        return out;
    }
}
