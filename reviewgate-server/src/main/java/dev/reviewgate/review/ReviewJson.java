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

    /** The whole review as {@code GET /v1/reviews/{id}} shows it at {@code now} (a lapsed claim shows as none). */
    public static ObjectNode review(Review r, String publicUrl, long now) {
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
        ArrayNode votes = out.putArray("votes");
        r.votes().forEach(v -> votes.add(vote(v)));
        out.set("decision", r.decision() == null ? null : decision(r));
        reorderTail(out, r, publicUrl, now);
        return out;
    }

    /** A queue entry: the header without versions or instructions. */
    public static ObjectNode summary(Review r, String publicUrl, long now) {
        ObjectNode out = header(r);
        out.set("decision", r.decision() == null ? null : decision(r));
        reorderTail(out, r, publicUrl, now);
        return out;
    }

    /** The review's decision, with the votes that made it when a quorum decided. */
    public static ObjectNode decision(Review r) {
        Decision d = r.decision();
        ObjectNode out = Json.object().put("verdict", d.verdict().wire()).put("versionId", d.versionId());
        out.put("reason", d.reason());
        out.set("decidedBy", d.decidedBy().toJson());
        out.put("via", d.via().wire());
        out.put("decidedAt", Times.iso(d.decidedAt()));
        List<Vote> votes = r.votesOn(d.versionId());
        if (d.verdict() == Verdict.APPROVED && !votes.isEmpty()) {
            ArrayNode list = out.putArray("votes");
            votes.forEach(v -> list.add(vote(v)));
        }
        return out;
    }

    public static ObjectNode vote(Vote v) {
        ObjectNode out = Json.object().put("versionId", v.versionId());
        out.set("decidedBy", v.decidedBy().toJson());
        out.put("via", v.via().wire());
        out.put("votedAt", Times.iso(v.votedAt()));
        return out;
    }

    /** {@code {"by","via","claimedAt","expiresAt"}}. */
    public static ObjectNode claim(Claim c) {
        ObjectNode out = Json.object();
        out.set("by", c.by().toJson());
        out.put("via", c.via().wire());
        out.put("claimedAt", Times.iso(c.claimedAt()));
        out.put("expiresAt", Times.iso(c.expiresAt()));
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
        out.put("via", i.via().wire());
        out.put("createdAt", Times.iso(i.createdAt()));
        return out;
    }

    /** The 409 for any change to a decided review; its body carries the current decision. */
    public static Problem alreadyDecided(Review review) {
        Decision d = review.decision();
        return Problem.conflict("The review was already " + d.verdict().wire() + " on version " + d.versionId() + ".")
                .with("decision", decision(review));
    }

    /** The 409 for a person acting on a review another holds; its body carries the claim. */
    public static Problem claimedByOther(Claim claim) {
        return Problem.conflict("The review is claimed by " + claim.by().displayNameOrId() + " until "
                        + Times.iso(claim.expiresAt()) + ".")
                .with("claim", claim(claim));
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

    private static void reorderTail(ObjectNode out, Review r, String publicUrl, long now) {
        out.set("triggeredBy", r.triggeredBy());
        out.put("awaitingSince", Times.isoOrNull(r.awaitingSince()));
        out.set("assignedTo", strings(r.assignedTo()));
        out.set("assignedToGroups", strings(r.assignedGroups()));
        out.put("priority", r.priority());
        Claim claim = r.liveClaim(now);
        out.set("claim", claim == null ? null : claim(claim));
        out.put("dueAt", Times.isoOrNull(r.dueAt()));
        out.put("remindersSent", r.work().remindersSent());
        ArrayNode escalations = out.putArray("escalations");
        for (Escalation e : r.work().escalations()) {
            ObjectNode node = escalations.addObject().put("at", Times.iso(e.at()));
            node.setAll(e.added().toJson());
            node.put("dueAt", Times.iso(e.dueAt()));
        }
        out.put("createdAt", Times.iso(r.createdAt()));
        out.put("updatedAt", Times.iso(r.updatedAt()));
        out.put("link", link(publicUrl, r.id()));
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode out = Json.array();
        values.forEach(out::add);
        return out;
    }
}
