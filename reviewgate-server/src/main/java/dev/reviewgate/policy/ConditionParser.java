package dev.reviewgate.policy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code condition} of a {@code json_condition} into a {@link Condition}. A condition
 * object has exactly one of {@code all}, {@code any}, {@code not} or {@code path}; a {@code path}
 * object is a comparison {@code {"path","op","value"?}}.
 */
final class ConditionParser {

    static final int MAX_PATTERN = 200;

    private static final List<String> SHAPES = List.of("all", "any", "not", "path");

    private final ParseContext ctx;

    ConditionParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    Condition condition(JsonNode node, String ptr, int depth) {
        if (!ctx.enter(ptr, depth)) {
            return null;
        }
        if (!node.isObject()) {
            ctx.fail(ptr, "must be an object with one of all, any, not or path");
            return null;
        }
        List<String> shapes = SHAPES.stream().filter(node::has).toList();
        if (shapes.size() != 1) {
            ctx.fail(
                    ptr,
                    shapes.isEmpty()
                            ? "must have one of all, any, not or path"
                            : "must have only one of all, any, not or path; found " + String.join(", ", shapes));
            return null;
        }
        return switch (shapes.get(0)) {
            case "all", "any" -> list(shapes.get(0), node, ptr, depth);
            case "not" -> not(node, ptr, depth);
            default -> test(node, ptr);
        };
    }

    private Condition list(String shape, JsonNode node, String ptr, int depth) {
        ctx.onlyKeys(node, ptr, Set.of(shape));
        JsonNode array = ctx.nonEmptyArray(node, shape, ptr);
        if (array == null) {
            return null;
        }
        List<Condition> children = new ArrayList<>();
        String listPtr = Violation.child(ptr, shape);
        for (int i = 0; i < array.size(); i++) {
            Condition child = condition(array.get(i), Violation.child(listPtr, i), depth + 1);
            if (child != null) {
                children.add(child);
            }
        }
        if (children.size() != array.size()) {
            return null;
        }
        return shape.equals("all") ? new Condition.All(children) : new Condition.Any(children);
    }

    private Condition not(JsonNode node, String ptr, int depth) {
        ctx.onlyKeys(node, ptr, Set.of("not"));
        Condition child = condition(node.get("not"), Violation.child(ptr, "not"), depth + 1);
        return child == null ? null : new Condition.Not(child);
    }

    private Condition test(JsonNode node, String ptr) {
        ctx.onlyKeys(node, ptr, Set.of("path", "op", "value"));
        String path = path(node, ptr);
        String opText = ctx.string(node, "op", ptr, null);
        Condition.Op op = opText == null ? null : Condition.Op.fromJson(opText);
        if (opText != null && op == null) {
            ctx.fail(
                    Violation.child(ptr, "op"),
                    "unknown op \"" + opText
                            + "\"; expected one of eq, ne, gt, gte, lt, lte, in, not_in, exists, not_exists, contains, matches");
        }
        if (op == null) {
            return null;
        }
        JsonNode value = node.get("value");
        boolean valueOk = value(op, value, Violation.child(ptr, "value"));
        return path == null || !valueOk ? null : new Condition.Test(path, op, op.takesValue() ? value : null);
    }

    private String path(JsonNode node, String ptr) {
        String path = ctx.string(node, "path", ptr, null);
        if (path == null) {
            return null;
        }
        String at = Violation.child(ptr, "path");
        try {
            String root = JsonPointer.compile(path).getMatchingProperty();
            if ("snapshot".equals(root) || "signals".equals(root)) {
                return path;
            }
        } catch (IllegalArgumentException e) {
            ctx.fail(at, "must be a JSON Pointer: " + e.getMessage());
            return null;
        }
        ctx.fail(at, "must start with /snapshot or /signals");
        return null;
    }

    /** Checks that {@code value} suits {@code op}; false, with a violation, when it does not. */
    private boolean value(Condition.Op op, JsonNode value, String at) {
        if (!op.takesValue()) {
            if (value != null) {
                ctx.fail(at, "is not allowed with op " + op.json());
                return false;
            }
            return true;
        }
        if (value == null) {
            ctx.fail(at, "is required with op " + op.json());
            return false;
        }
        String problem = switch (op) {
            case GT, GTE, LT, LTE -> ParseContext.finiteNumber(value) ? null : "must be a number with op " + op.json();
            case IN, NOT_IN ->
                !value.isArray()
                        ? "must be an array with op " + op.json()
                        : value.isEmpty() ? "must not be empty" : null;
            case MATCHES -> regexProblem(value);
            default -> null;
        };
        if (problem != null) {
            ctx.fail(at, problem);
        }
        return problem == null;
    }

    private static String regexProblem(JsonNode value) {
        if (!value.isTextual()) {
            return "must be a string (a regular expression) with op matches";
        }
        if (value.textValue().length() > MAX_PATTERN) {
            return "must be at most " + MAX_PATTERN + " characters long";
        }
        try {
            Pattern.compile(value.textValue());
            return null;
        } catch (PatternSyntaxException e) {
            return "is not a valid regular expression: " + e.getDescription();
        }
    }
}
