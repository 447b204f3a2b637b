package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.CanonicalJson;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything that happened to a review, in order: its versions, its instructions, the approval votes
 * toward a quorum, and at most one decision.
 */
public record ReviewHistory(
        List<Version> versions, List<Instruction> instructions, List<Vote> votes, Decision decision) {

    public static final ReviewHistory EMPTY = new ReviewHistory(List.of(), List.of(), List.of(), null);

    public ReviewHistory {
        versions = List.copyOf(versions);
        instructions = List.copyOf(instructions);
        votes = List.copyOf(votes);
    }

    ReviewHistory plusVersion(Version version) {
        return new ReviewHistory(
                Stream.concat(versions.stream(), Stream.of(version)).toList(), instructions, votes, decision);
    }

    ReviewHistory plusInstructions(List<Instruction> round) {
        return new ReviewHistory(
                versions, Stream.concat(instructions.stream(), round.stream()).toList(), votes, decision);
    }

    ReviewHistory withDecision(Decision newDecision) {
        return new ReviewHistory(versions, instructions, votes, newDecision);
    }

    ReviewHistory plusVote(Vote vote) {
        return new ReviewHistory(
                versions,
                instructions,
                Stream.concat(votes.stream(), Stream.of(vote)).toList(),
                decision);
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

    public List<Instruction> instructionsOfRound(int r) {
        return instructions.stream().filter(i -> i.round() == r).toList();
    }

    /** Every text instruction ever given for {@code fieldId} on this review, oldest first (rule 10). */
    public List<String> allTextInstructions(String fieldId) {
        return instructions.stream()
                .filter(i -> i.fieldId().equals(fieldId) && i.type() == InstructionType.TEXT)
                .map(Instruction::text)
                .toList();
    }

    /** Whether {@code fieldId} in {@code version} differs from the latest model output (rule 12). */
    public boolean wasEdited(Version version, String fieldId) {
        JsonNode before = latestModelOutput().snapshot().get(fieldId);
        JsonNode after = version.snapshot().get(fieldId);
        if (before == null || after == null) {
            // Added or removed is an edit; absent from both is not.
            return before != null || after != null;
        }
        return !CanonicalJson.canonicalize(before).equals(CanonicalJson.canonicalize(after));
    }
}
