package dev.reviewgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The state shared by {@link PolicyParser} and {@link ConditionParser} while reading one policy: the
 * violations found so far and the size budget. Violations are collected rather than thrown one at a
 * time so that a form author sees every mistake in one 422.
 */
final class ParseContext {

    /** Deepest nesting of predicates and conditions together; bounds evaluator recursion. */
    static final int MAX_DEPTH = 16;
    /** Most predicate and condition nodes in one policy; bounds evaluation time per review. */
    static final int MAX_NODES = 256;

    final List<Violation> violations = new ArrayList<>();
    private int nodes;
    private boolean tooManyReported;

    void fail(String pointer, String message) {
        violations.add(new Violation(pointer, message));
    }

    /** Counts one node at {@code depth} (root = 1); false, with a violation, when over a limit. */
    boolean enter(String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            fail(pointer, "is nested deeper than " + MAX_DEPTH + " levels");
            return false;
        }
        if (++nodes > MAX_NODES) {
            // One violation is enough; listing every node past the limit would only bury it.
            if (!tooManyReported) {
                fail(pointer, "the policy has more than " + MAX_NODES + " predicates and conditions");
                tooManyReported = true;
            }
            return false;
        }
        return true;
    }

    /** Reports every member of {@code object} not in {@code allowed}, at that member's pointer. */
    void onlyKeys(JsonNode object, String pointer, Set<String> allowed) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                fail(
                        Violation.child(pointer, name),
                        "is not a member of this kind; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** A non-empty string member; {@code fallback} when absent (null fallback = required). */
    String string(JsonNode object, String name, String pointer, String fallback) {
        JsonNode node = object.get(name);
        String at = Violation.child(pointer, name);
        if (node == null) {
            if (fallback == null) {
                fail(at, "is required");
            }
            return fallback;
        }
        if (!node.isTextual() || node.textValue().isEmpty()) {
            fail(at, "must be a non-empty string");
            return null;
        }
        return node.textValue();
    }

    /** A required, non-empty array member, or null with a violation. */
    JsonNode nonEmptyArray(JsonNode object, String name, String pointer) {
        JsonNode node = object.get(name);
        String at = Violation.child(pointer, name);
        if (node == null) {
            fail(at, "is required");
            return null;
        }
        if (!node.isArray()) {
            fail(at, "must be an array");
            return null;
        }
        if (node.isEmpty()) {
            // An empty list is always a mistake: any_of [] never fires, all_of [] always would.
            fail(at, "must not be empty");
            return null;
        }
        return node;
    }

    /** Whether {@code node} is a JSON number with a finite value (NaN and Infinity are not). */
    static boolean finiteNumber(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return false;
        }
        return !(node.isDouble() || node.isFloat()) || Double.isFinite(node.doubleValue());
    }
}
