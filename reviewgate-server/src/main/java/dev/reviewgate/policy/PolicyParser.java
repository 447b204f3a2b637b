package dev.reviewgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a form's {@code reviewPolicy} JSON into a {@link Predicate} and writes it back.
 *
 * <p>Parsing is strict: unknown kinds, unknown members, wrong types, empty lists, nesting deeper than
 * {@value ParseContext#MAX_DEPTH} levels, more than {@value ParseContext#MAX_NODES} nodes and invalid
 * regular expressions are all refused with a 422 whose pointers are rooted at the caller's pointer.
 * A typo in a review policy must never quietly weaken a gate.
 */
public final class PolicyParser {

    private static final List<String> KINDS = List.of(
            "always",
            "validation_failed",
            "confidence_lt",
            "category_in",
            "any_required_field_null",
            "json_condition",
            "any_of",
            "all_of");

    private final ParseContext ctx = new ParseContext();

    private PolicyParser() {}

    /**
     * Parses {@code policy}, located at {@code pointer} in the request body (e.g. {@code /reviewPolicy}).
     * A null, JSON-null or missing policy is {@link Predicate.Always}, the spec's default.
     *
     * @throws Problem a 422 listing every violation
     */
    public static Predicate parse(JsonNode policy, String pointer) {
        if (policy == null || policy.isNull() || policy.isMissingNode()) {
            return new Predicate.Always();
        }
        PolicyParser parser = new PolicyParser();
        Predicate result = parser.predicate(policy, pointer, 1);
        Problem.throwIfAny(parser.ctx.violations);
        return result;
    }

    /** The canonical JSON form of {@code predicate}; {@code parse(toJson(p), "")} equals {@code p}. */
    public static ObjectNode toJson(Predicate predicate) {
        return PolicyWriter.predicate(predicate);
    }

    private Predicate predicate(JsonNode node, String ptr, int depth) {
        if (!ctx.enter(ptr, depth)) {
            return null;
        }
        if (!node.isObject()) {
            ctx.fail(ptr, "must be an object with a \"kind\"");
            return null;
        }
        String kind = ctx.string(node, "kind", ptr, null);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "always" -> simple(node, ptr, new Predicate.Always());
            case "validation_failed" -> simple(node, ptr, new Predicate.ValidationFailed());
            case "any_required_field_null" -> simple(node, ptr, new Predicate.AnyRequiredFieldNull());
            case "confidence_lt" -> confidenceLt(node, ptr);
            case "category_in" -> categoryIn(node, ptr);
            case "json_condition" -> jsonCondition(node, ptr, depth);
            case "any_of", "all_of" -> combination(kind, node, ptr, depth);
            default -> {
                ctx.fail(
                        Violation.child(ptr, "kind"),
                        "unknown kind \"" + kind + "\"; expected one of " + String.join(", ", KINDS));
                yield null;
            }
        };
    }

    private Predicate simple(JsonNode node, String ptr, Predicate predicate) {
        ctx.onlyKeys(node, ptr, Set.of("kind"));
        return predicate;
    }

    private Predicate confidenceLt(JsonNode node, String ptr) {
        ctx.onlyKeys(node, ptr, Set.of("kind", "threshold", "signal"));
        String signal = ctx.string(node, "signal", ptr, Predicate.ConfidenceLt.DEFAULT_SIGNAL);
        JsonNode threshold = node.get("threshold");
        if (threshold == null) {
            ctx.fail(Violation.child(ptr, "threshold"), "is required");
            return null;
        }
        if (!ParseContext.finiteNumber(threshold)) {
            ctx.fail(Violation.child(ptr, "threshold"), "must be a number");
            return null;
        }
        return signal == null ? null : new Predicate.ConfidenceLt(threshold.decimalValue(), signal);
    }

    private Predicate categoryIn(JsonNode node, String ptr) {
        ctx.onlyKeys(node, ptr, Set.of("kind", "categories", "field"));
        String field = ctx.string(node, "field", ptr, Predicate.CategoryIn.DEFAULT_FIELD);
        JsonNode array = ctx.nonEmptyArray(node, "categories", ptr);
        if (array == null) {
            return null;
        }
        List<String> categories = new ArrayList<>();
        String listPtr = Violation.child(ptr, "categories");
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual()) {
                categories.add(item.textValue());
            } else {
                ctx.fail(Violation.child(listPtr, i), "must be a string");
            }
        }
        return field == null || categories.size() != array.size() ? null : new Predicate.CategoryIn(categories, field);
    }

    private Predicate jsonCondition(JsonNode node, String ptr, int depth) {
        ctx.onlyKeys(node, ptr, Set.of("kind", "condition"));
        JsonNode condition = node.get("condition");
        if (condition == null) {
            ctx.fail(Violation.child(ptr, "condition"), "is required");
            return null;
        }
        Condition parsed = new ConditionParser(ctx).condition(condition, Violation.child(ptr, "condition"), depth + 1);
        return parsed == null ? null : new Predicate.JsonCondition(parsed);
    }

    private Predicate combination(String kind, JsonNode node, String ptr, int depth) {
        ctx.onlyKeys(node, ptr, Set.of("kind", "predicates"));
        JsonNode array = ctx.nonEmptyArray(node, "predicates", ptr);
        if (array == null) {
            return null;
        }
        List<Predicate> children = new ArrayList<>();
        String listPtr = Violation.child(ptr, "predicates");
        for (int i = 0; i < array.size(); i++) {
            Predicate child = predicate(array.get(i), Violation.child(listPtr, i), depth + 1);
            if (child != null) {
                children.add(child);
            }
        }
        if (children.size() != array.size()) {
            return null;
        }
        return kind.equals("any_of") ? new Predicate.AnyOf(children) : new Predicate.AllOf(children);
    }
}
