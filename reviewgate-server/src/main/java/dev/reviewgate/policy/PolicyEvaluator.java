package dev.reviewgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Decides, when a review is created, whether the output needs a human: the predicate that fired
 * becomes the review's {@code triggeredBy}; no predicate firing means the policy approves at once.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {}

    /**
     * The predicate to report as {@code triggeredBy}, or empty when {@code policy} does not flag the
     * output. For {@code any_of} that is what its first firing child reports (recursively, so a
     * nested {@code any_of} reports its own first match); every other kind reports itself.
     */
    public static Optional<Predicate> evaluate(Predicate policy, PolicyInput input) {
        // Built once per evaluation; put() shares the nodes, it does not copy them.
        ObjectNode root = Json.object();
        root.set("snapshot", input.snapshot());
        root.set("signals", input.signals());
        return Optional.ofNullable(fired(policy, input, root));
    }

    /**
     * Whether a {@code validation_failed} appears anywhere in {@code policy}. When it does, the
     * caller opens a review for an output that breaks the form's schema constraints, because the
     * policy asked for such outputs to be reviewed; otherwise such an output is refused with a 422.
     */
    public static boolean mentionsValidationFailed(Predicate policy) {
        return switch (policy) {
            case Predicate.ValidationFailed v -> true;
            case Predicate.AnyOf a -> a.predicates().stream().anyMatch(PolicyEvaluator::mentionsValidationFailed);
            case Predicate.AllOf a -> a.predicates().stream().anyMatch(PolicyEvaluator::mentionsValidationFailed);
            default -> false;
        };
    }

    private static Predicate fired(Predicate policy, PolicyInput input, JsonNode root) {
        return switch (policy) {
            case Predicate.Always a -> a;
            case Predicate.ValidationFailed v -> input.validationFailed() ? v : null;
            case Predicate.ConfidenceLt c -> lowConfidence(c, input.signals()) ? c : null;
            case Predicate.CategoryIn c -> inCategory(c, input.snapshot()) ? c : null;
            case Predicate.AnyRequiredFieldNull r -> requiredFieldNull(input) ? r : null;
            case Predicate.JsonCondition j -> ConditionEvaluator.holds(j.condition(), root) ? j : null;
            case Predicate.AnyOf any -> {
                for (Predicate child : any.predicates()) {
                    Predicate hit = fired(child, input, root);
                    if (hit != null) {
                        yield hit;
                    }
                }
                yield null;
            }
            case Predicate.AllOf all ->
                all.predicates().stream().allMatch(p -> fired(p, input, root) != null) ? all : null;
        };
    }

    /** Missing, null or non-numeric confidence counts as low: the gate must fail closed. */
    private static boolean lowConfidence(Predicate.ConfidenceLt predicate, JsonNode signals) {
        Optional<BigDecimal> value = ConditionEvaluator.number(signals.get(predicate.signal()));
        return value.isEmpty() || value.get().compareTo(predicate.threshold()) < 0;
    }

    private static boolean inCategory(Predicate.CategoryIn predicate, JsonNode snapshot) {
        JsonNode value = snapshot.get(predicate.field());
        return value != null && value.isTextual() && predicate.categories().contains(value.textValue());
    }

    private static boolean requiredFieldNull(PolicyInput input) {
        for (String id : input.requiredFieldIds()) {
            JsonNode value = input.snapshot().get(id);
            if (value == null || value.isNull()) {
                return true;
            }
        }
        return false;
    }
}
