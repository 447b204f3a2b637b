package dev.reviewgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The condition language of {@code json_condition}: data, not code, so a form author cannot make
 * the server run anything but these comparisons. Paths are RFC 6901 JSON Pointers rooted at
 * {@code {"snapshot": <snapshot>, "signals": <signals>}}; the parser insists on the first token being
 * {@code snapshot} or {@code signals} so that a pointer written against the bare snapshot is a 422
 * rather than a condition that silently never holds.
 */
public sealed interface Condition {

    /** Holds when every child holds. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** Holds when at least one child holds. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /** Holds when its child does not. */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /**
     * One comparison of the value at {@code path} with {@code value}.
     *
     * @param path a JSON Pointer starting with {@code /snapshot} or {@code /signals}
     * @param op the comparison
     * @param value the operand; {@code null} for {@link Op#EXISTS} and {@link Op#NOT_EXISTS}
     */
    record Test(String path, Op op, JsonNode value) implements Condition {
        public Test {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(op, "op");
            value = value == null ? null : value.deepCopy();
        }
    }

    /** The comparisons; {@link #json()} is the spelling in the JSON form. */
    enum Op {
        EQ,
        NE,
        GT,
        GTE,
        LT,
        LTE,
        IN,
        NOT_IN,
        EXISTS,
        NOT_EXISTS,
        CONTAINS,
        MATCHES;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the op reads a {@code value} member (all but the existence checks). */
        public boolean takesValue() {
            return this != EXISTS && this != NOT_EXISTS;
        }

        /** The op spelled {@code text} in JSON, or {@code null}. */
        public static Op fromJson(String text) {
            for (Op op : values()) {
                if (op.json().equals(text)) {
                    return op;
                }
            }
            return null;
        }
    }
}
