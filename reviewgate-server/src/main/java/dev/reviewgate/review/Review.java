package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.CanonicalJson;
import java.util.List;
import java.util.Optional;

/**
 * One gate, as loaded from storage: its header, every version in the order they were added, every
 * instruction, and at most one decision. Read-only; the rules classes decide what may change.
 */
public record Review(String accountId, String id, String formId, int formRevision, String formName, String title,
                     ReviewStatus status, String workflowId, String runId, String blockId, JsonNode meta,
                     List<String> visibleFields, String headVersionId, JsonNode triggeredBy, Long awaitingSince,
                     List<String> assignedTo, List<String> assignedGroups, String webhookUrl, int round,
                     long eventSeq, long createdAt, long updatedAt, List<Version> versions,
                     List<Instruction> instructions, Decision decision) {

    public Optional<Version> version(String versionId) {
        return versions.stream().filter(v -> v.id().equals(versionId)).findFirst();
    }

    public Version head() {
        return version(headVersionId).orElseThrow();
    }

    /** The most recent version the model produced; {@code wasEdited} compares against it (rule 12). */
    public Version latestModelOutput() {
        Version latest = null;
        for (Version v : versions) {
            if (v.origin() == Origin.MODEL_OUTPUT) {
                latest = v;
            }
        }
        return latest;
    }

    /** The version the latest round of instructions was given on, if any. */
    public Optional<String> lastInstructedVersionId() {
        return instructions.stream().filter(i -> i.round() == round).map(Instruction::versionId).findFirst();
    }

    public List<Instruction> instructionsOfRound(int r) {
        return instructions.stream().filter(i -> i.round() == r).toList();
    }

    /** Every text instruction ever given for {@code fieldId} on this review, oldest first (rule 10). */
    public List<String> allTextInstructions(String fieldId) {
        return instructions.stream()
                .filter(i -> i.fieldId().equals(fieldId) && Instruction.TEXT.equals(i.type()))
                .map(Instruction::text)
                .toList();
    }

    /** Whether {@code fieldId} in {@code version} differs from the latest model output (rule 12). */
    public boolean wasEdited(Version version, String fieldId) {
        Version model = latestModelOutput();
        JsonNode before = model.snapshot().get(fieldId);
        JsonNode after = version.snapshot().get(fieldId);
        if (before == null || after == null) {
            return before != after;
        }
        return !CanonicalJson.canonicalize(before).equals(CanonicalJson.canonicalize(after));
    }

    /** The same header with its versions, instructions and decision attached. */
    public Review withChildren(List<Version> v, List<Instruction> i, Decision d) {
        return new Review(accountId, id, formId, formRevision, formName, title, status, workflowId, runId, blockId,
                meta, visibleFields, headVersionId, triggeredBy, awaitingSince, assignedTo, assignedGroups,
                webhookUrl, round, eventSeq, createdAt, updatedAt, List.copyOf(v), List.copyOf(i), d);
    }

    /**
     * This review after a change, as it is now stored: the changed state and children; id, form,
     * address, meta and the rest of the header stay as they were. Every change announces itself
     * with one event, so the event sequence moves on by one.
     */
    public Review after(ReviewStatus newStatus, String newHead, int newRound, Long newAwaitingSince, long now,
                        List<Version> newVersions, List<Instruction> newInstructions, Decision newDecision) {
        return new Review(accountId, id, formId, formRevision, formName, title, newStatus, workflowId, runId, blockId,
                meta, visibleFields, newHead, triggeredBy, newAwaitingSince, assignedTo, assignedGroups, webhookUrl,
                newRound, eventSeq + 1, createdAt, now, List.copyOf(newVersions), List.copyOf(newInstructions),
                newDecision);
    }

    /** The same review with a new title and meta (an agent's update may carry both). */
    public Review withTitleAndMeta(String newTitle, JsonNode newMeta) {
        return new Review(accountId, id, formId, formRevision, formName, newTitle, status, workflowId, runId, blockId,
                newMeta, visibleFields, headVersionId, triggeredBy, awaitingSince, assignedTo, assignedGroups,
                webhookUrl, round, eventSeq, createdAt, updatedAt, versions, instructions, decision);
    }

    public boolean isDecided() {
        return decision != null;
    }
}
