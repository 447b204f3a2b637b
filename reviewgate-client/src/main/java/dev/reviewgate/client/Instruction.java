package dev.reviewgate.client;

import java.time.Instant;

/**
 * One instruction as the review records it: a {@link FieldInstruction} for one field, given in one
 * round on one version.
 *
 * @param fieldId   the field it is for
 * @param type      rerun or text instruction
 * @param text      the text of a text instruction, else null
 * @param round     the round of instructions, 1 for the first
 * @param versionId the version it was given on
 * @param author    who gave it
 * @param via       the channel it came through
 * @param createdAt when
 */
public record Instruction(
        String fieldId,
        FieldInstruction.Type type,
        String text,
        int round,
        String versionId,
        Actor author,
        Via via,
        Instant createdAt) {}
