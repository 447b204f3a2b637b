package dev.reviewgate.review;

import dev.reviewgate.kernel.Actor;

/**
 * A reviewer's per-field retry request, given in a numbered round on the version then at the head.
 * {@code type} is {@code rerun} or {@code textInstruction} (which carries {@code text}).
 */
public record Instruction(int round, String fieldId, String type, String text, String versionId, Actor author,
                          long createdAt) {

    public static final String RERUN = "rerun";
    public static final String TEXT = "textInstruction";
}
