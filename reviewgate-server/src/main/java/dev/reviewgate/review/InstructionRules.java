package dev.reviewgate.review;

import dev.reviewgate.kernel.Actor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.form.Field;
import dev.reviewgate.form.FormDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules 9 and 10: a reviewer asks for a retry per field, with a rerun button, a text instruction,
 * or neither, as the form allows. The instructions form a new round on the version at the head.
 */
public final class InstructionRules {

    public static final int MAX_TEXT_LENGTH = 10_000;
    private static final Set<String> MEMBERS = Set.of("type", "text");

    private InstructionRules() {
    }

    /** The new round's instructions, or a 422 naming each bad field. */
    public static List<Instruction> give(Review review, FormDefinition form, JsonNode fields, Actor author, long now) {
        VersionRules.requireOpen(review);
        if (fields == null || !fields.isObject() || fields.isEmpty()) {
            throw Problem.invalid("/fields", "must be an object naming at least one field");
        }
        List<Violation> errors = new ArrayList<>();
        List<Instruction> round = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = Violation.child("/fields", entry.getKey());
            check(review, form, entry.getKey(), entry.getValue(), pointer, errors)
                    .ifPresent(i -> round.add(new Instruction(review.round() + 1, entry.getKey(), i.type(), i.text(),
                            review.headVersionId(), author, now)));
        }
        Problem.throwIfAny(errors);
        return round;
    }

    private record Request(String type, String text) {
    }

    private static Optional<Request> check(Review review, FormDefinition form, String fieldId, JsonNode body,
                                           String pointer, List<Violation> errors) {
        Optional<Field> field = form.field(fieldId).filter(f -> review.visibleFields().contains(fieldId));
        if (field.isEmpty()) {
            errors.add(new Violation(pointer, "no field " + fieldId + " in this review"));
            return Optional.empty();
        }
        if (!body.isObject()) {
            errors.add(new Violation(pointer, "must be {\"type\":\"rerun\"} or {\"type\":\"textInstruction\",\"text\":\"…\"}"));
            return Optional.empty();
        }
        int before = errors.size();
        body.fieldNames().forEachRemaining(n -> {
            if (!MEMBERS.contains(n)) {
                errors.add(Violation.at(pointer, n, "unknown member"));
            }
        });
        String type = body.path("type").asText("");
        JsonNode text = body.get("text");
        if (Instruction.RERUN.equals(type)) {
            if (!field.get().retry().button()) {
                errors.add(Violation.at(pointer, "type", "field " + fieldId + " does not allow a retry button"));
            }
            if (text != null) {
                errors.add(Violation.at(pointer, "text", "a rerun carries no text"));
            }
        } else if (Instruction.TEXT.equals(type)) {
            if (!field.get().retry().instructions()) {
                errors.add(Violation.at(pointer, "type", "field " + fieldId + " does not allow text instructions"));
            }
            if (text == null || !text.isTextual() || text.asText().isBlank() || text.asText().length() > MAX_TEXT_LENGTH) {
                errors.add(Violation.at(pointer, "text", "must be a non-empty string of at most " + MAX_TEXT_LENGTH + " characters"));
            }
        } else {
            errors.add(Violation.at(pointer, "type", "must be rerun or textInstruction"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Request(type, text == null ? null : text.asText()));
    }
}
