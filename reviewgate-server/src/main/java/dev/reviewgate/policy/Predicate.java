package dev.reviewgate.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A review policy: a predicate over a model's output that decides whether a human must look at it.
 *
 * <p>The JSON form is {@code {"kind": ...}} plus the members of each kind (see {@link PolicyParser}).
 * A predicate that fires is stored as the review's {@code triggeredBy}, so every record here must
 * survive {@code PolicyParser.parse(PolicyParser.toJson(p))} unchanged.
 */
public sealed interface Predicate {

    /** The {@code kind} member of the JSON form. */
    String kind();

    /** Always fires: every output is reviewed. The default policy. */
    record Always() implements Predicate {
        @Override
        public String kind() {
            return "always";
        }
    }

    /** Fires when the snapshot broke its form's schema constraints (the caller knows, not us). */
    record ValidationFailed() implements Predicate {
        @Override
        public String kind() {
            return "validation_failed";
        }
    }

    /**
     * Fires when the signal named {@code signal} is a number below {@code threshold}, and also when
     * that signal is missing, null or not a finite number: a gate that cannot establish confidence
     * must not wave the output through, so absence counts as low confidence.
     *
     * @param threshold the exclusive upper bound of "low"
     * @param signal the member to read in the caller's {@code "signals"} object; {@value #DEFAULT_SIGNAL} by default
     */
    record ConfidenceLt(BigDecimal threshold, String signal) implements Predicate {
        public static final String DEFAULT_SIGNAL = "confidence";

        public ConfidenceLt {
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(signal, "signal");
        }

        public ConfidenceLt(BigDecimal threshold) {
            this(threshold, DEFAULT_SIGNAL);
        }

        @Override
        public String kind() {
            return "confidence_lt";
        }
    }

    /**
     * Fires when the snapshot's top-level member {@code field} is a string listed in
     * {@code categories}. A missing or non-string member does not fire.
     *
     * @param categories the flagged values, never empty
     * @param field the snapshot member to read; {@value #DEFAULT_FIELD} by default
     */
    record CategoryIn(List<String> categories, String field) implements Predicate {
        public static final String DEFAULT_FIELD = "category";

        public CategoryIn {
            categories = List.copyOf(categories);
            Objects.requireNonNull(field, "field");
        }

        public CategoryIn(List<String> categories) {
            this(categories, DEFAULT_FIELD);
        }

        @Override
        public String kind() {
            return "category_in";
        }
    }

    /** Fires when a field the form marks as required is missing from the snapshot or null in it. */
    record AnyRequiredFieldNull() implements Predicate {
        @Override
        public String kind() {
            return "any_required_field_null";
        }
    }

    /** Fires when {@code condition} holds over {@code {"snapshot": ..., "signals": ...}}. */
    record JsonCondition(Condition condition) implements Predicate {
        public JsonCondition {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public String kind() {
            return "json_condition";
        }
    }

    /** Fires when any child fires; the first child that fires is what gets reported. */
    record AnyOf(List<Predicate> predicates) implements Predicate {
        public AnyOf {
            predicates = List.copyOf(predicates);
        }

        @Override
        public String kind() {
            return "any_of";
        }
    }

    /** Fires when every child fires; the {@code all_of} itself is reported, since no child alone explains it. */
    record AllOf(List<Predicate> predicates) implements Predicate {
        public AllOf {
            predicates = List.copyOf(predicates);
        }

        @Override
        public String kind() {
            return "all_of";
        }
    }
}
