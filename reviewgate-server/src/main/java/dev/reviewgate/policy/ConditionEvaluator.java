package dev.reviewgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.support.BoundedRegex;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Evaluates a {@link Condition} against the root {@code {"snapshot": ..., "signals": ...}}.
 *
 * <p>Evaluation never throws on data: a comparison whose operand has the wrong type (e.g. {@code gt}
 * on a string) is simply false. A path that does not resolve makes every op false except
 * {@code not_exists}, including {@code ne} and {@code not_in}, so that "differs from" is only
 * claimed about values that are there. JSON {@code null} is a present value.
 */
final class ConditionEvaluator {

    /** Longer strings never match: a policy decides fast, and a too-costly match counts as no match. */
    static final int MAX_MATCH_INPUT = 10_000;

    /** Deep equality in which numbers compare by value, so {@code 1}, {@code 1.0} and {@code 1e0} are equal. */
    private static final Comparator<JsonNode> SAME = (a, b) -> {
        Optional<BigDecimal> x = number(a);
        Optional<BigDecimal> y = number(b);
        if (x.isPresent() && y.isPresent()) {
            return x.get().compareTo(y.get());
        }
        return a.equals(b) ? 0 : 1;
    };

    private ConditionEvaluator() {}

    static boolean holds(Condition condition, JsonNode root) {
        return switch (condition) {
            case Condition.All all -> all.conditions().stream().allMatch(c -> holds(c, root));
            case Condition.Any any -> any.conditions().stream().anyMatch(c -> holds(c, root));
            case Condition.Not not -> !holds(not.condition(), root);
            case Condition.Test test -> test(test, root.at(test.path()));
        };
    }

    private static boolean test(Condition.Test test, JsonNode actual) {
        boolean present = !actual.isMissingNode();
        JsonNode value = test.value();
        return switch (test.op()) {
            case EXISTS -> present;
            case NOT_EXISTS -> !present;
            case EQ -> present && same(actual, value);
            case NE -> present && !same(actual, value);
            case GT -> ordered(actual, value, sign -> sign > 0);
            case GTE -> ordered(actual, value, sign -> sign >= 0);
            case LT -> ordered(actual, value, sign -> sign < 0);
            case LTE -> ordered(actual, value, sign -> sign <= 0);
            case IN -> present && contains(value, actual);
            case NOT_IN -> present && !contains(value, actual);
            case CONTAINS -> present && containsValue(actual, value);
            case MATCHES ->
                actual.isTextual()
                        && actual.textValue().length() <= MAX_MATCH_INPUT
                        && BoundedRegex.find(value.textValue(), actual.textValue()) == BoundedRegex.Result.MATCH;
        };
    }

    /** Whether both are numbers and the sign of {@code actual - value} passes {@code accept}. */
    private static boolean ordered(JsonNode actual, JsonNode value, IntPredicate accept) {
        Optional<BigDecimal> x = number(actual);
        Optional<BigDecimal> y = number(value);
        return x.isPresent() && y.isPresent() && accept.test(x.get().compareTo(y.get()));
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.equals(SAME, b);
    }

    /** Whether the array {@code array} has an element equal to {@code item}. */
    private static boolean contains(JsonNode array, JsonNode item) {
        for (JsonNode element : array) {
            if (same(element, item)) {
                return true;
            }
        }
        return false;
    }

    /** {@code contains}: substring of a string, or element of an array; false for anything else. */
    private static boolean containsValue(JsonNode actual, JsonNode value) {
        if (actual.isTextual()) {
            return value.isTextual() && actual.textValue().contains(value.textValue());
        }
        return actual.isArray() && contains(actual, value);
    }

    /** The value of a finite JSON number; empty for non-numbers, NaN and infinities. */
    static Optional<BigDecimal> number(JsonNode node) {
        return ParseContext.finiteNumber(node) ? Optional.of(node.decimalValue()) : Optional.empty();
    }
}
