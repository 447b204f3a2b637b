package dev.reviewgate.review;

import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;

/**
 * A reviewer's per-field retry request, given in a numbered round on the version then at the head;
 * a {@link InstructionType#TEXT} instruction carries {@code text}.
 */
public record Instruction(
        int round,
        String fieldId,
        InstructionType type,
        String text,
        String versionId,
        Actor author,
        Via via,
        long createdAt) {}
