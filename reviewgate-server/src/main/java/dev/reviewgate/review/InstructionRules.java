package dev.reviewgate.review;

import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.Field;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules 9 and 10: a reviewer asks for a retry per field, with a rerun button, a text instruction,
 * or neither, as the form allows. The instructions form a new round on the version at the head.
 * The review is open; the caller checked.
 */
public final class InstructionRules {

    public static final int MAX_TEXT_LENGTH = 10_000;

    private InstructionRules() {}

    /** The new round's instructions, or a 422 naming each field that cannot take its request. */
    public static List<Instruction> give(
            Review review, FormDefinition form, Map<String, RetryRequest> fields, Actor author, Via via, long now) {
        if (fields.isEmpty()) {
            throw Problem.invalid("/fields", "must be an object naming at least one field");
        }
        List<Violation> errors = new ArrayList<>();
        List<Instruction> round = new ArrayList<>();
        fields.forEach((fieldId, request) -> {
            Optional<Violation> refusal = refusal(review, form, fieldId, request);
            if (refusal.isPresent()) {
                errors.add(refusal.get());
            } else {
                round.add(new Instruction(
                        review.round() + 1,
                        fieldId,
                        request.type(),
                        request.text(),
                        review.headVersionId(),
                        author,
                        via,
                        now));
            }
        });
        Problem.throwIfAny(errors);
        return round;
    }

    private static Optional<Violation> refusal(
            Review review, FormDefinition form, String fieldId, RetryRequest request) {
        InstructionType type = request.type();
        String pointer = Violation.child("/fields", fieldId);
        Optional<Field> field =
                form.field(fieldId).filter(f -> review.visibleFields().contains(fieldId));
        if (field.isEmpty()) {
            return Optional.of(new Violation(pointer, "no field " + fieldId + " in this review"));
        }
        boolean allowed = type == InstructionType.RERUN
                ? field.get().retry().button()
                : field.get().retry().instructions();
        if (!allowed) {
            return Optional.of(Violation.at(
                    pointer,
                    "type",
                    "field " + fieldId + " does not allow "
                            + (type == InstructionType.RERUN ? "a retry button" : "text instructions")));
        }
        // Checked here, not only where a request body is parsed: the web app builds requests too.
        String text = request.text();
        if (type == InstructionType.TEXT && (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH)) {
            return Optional.of(Violation.at(
                    pointer, "text", "must be a non-empty string of at most " + MAX_TEXT_LENGTH + " characters"));
        }
        return Optional.empty();
    }
}
