package dev.reviewgate.review;

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
}
