package dev.reviewgate.review;

import java.util.List;
import java.util.stream.Stream;

/** Everything that happened to a review, in order: its versions, its instructions and at most one decision. */
public record ReviewHistory(List<Version> versions, List<Instruction> instructions, Decision decision) {

    public ReviewHistory {
        versions = List.copyOf(versions);
        instructions = List.copyOf(instructions);
    }

    ReviewHistory plusVersion(Version version) {
        return new ReviewHistory(
                Stream.concat(versions.stream(), Stream.of(version)).toList(), instructions, decision);
    }

    ReviewHistory plusInstructions(List<Instruction> round) {
        return new ReviewHistory(
                versions, Stream.concat(instructions.stream(), round.stream()).toList(), decision);
    }

    ReviewHistory withDecision(Decision newDecision) {
        return new ReviewHistory(versions, instructions, newDecision);
    }
}
