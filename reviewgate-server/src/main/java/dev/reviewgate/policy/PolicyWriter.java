package dev.reviewgate.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import java.util.List;

/**
 * Writes predicates and conditions in their canonical JSON form: {@code kind} first, members in a
 * fixed order, and optional members ({@code signal}, {@code field}) only when they differ from their
 * defaults, so a stored {@code triggeredBy} looks like what the form author wrote.
 */
final class PolicyWriter {

    private PolicyWriter() {}

    static ObjectNode predicate(Predicate predicate) {
        ObjectNode out = Json.object().put("kind", predicate.kind());
        switch (predicate) {
            case Predicate.Always a -> {}
            case Predicate.ValidationFailed v -> {}
            case Predicate.AnyRequiredFieldNull r -> {}
            case Predicate.ConfidenceLt c -> {
                out.put("threshold", c.threshold());
                if (!c.signal().equals(Predicate.ConfidenceLt.DEFAULT_SIGNAL)) {
                    out.put("signal", c.signal());
                }
            }
            case Predicate.CategoryIn c -> {
                ArrayNode categories = out.putArray("categories");
                c.categories().forEach(categories::add);
                if (!c.field().equals(Predicate.CategoryIn.DEFAULT_FIELD)) {
                    out.put("field", c.field());
                }
            }
            case Predicate.JsonCondition j -> out.set("condition", condition(j.condition()));
            case Predicate.AnyOf a -> out.set("predicates", predicates(a.predicates()));
            case Predicate.AllOf a -> out.set("predicates", predicates(a.predicates()));
        }
        return out;
    }

    private static ArrayNode predicates(List<Predicate> predicates) {
        ArrayNode array = Json.array();
        predicates.forEach(p -> array.add(predicate(p)));
        return array;
    }

    static ObjectNode condition(Condition condition) {
        ObjectNode out = Json.object();
        switch (condition) {
            case Condition.All a -> out.set("all", conditions(a.conditions()));
            case Condition.Any a -> out.set("any", conditions(a.conditions()));
            case Condition.Not n -> out.set("not", condition(n.condition()));
            case Condition.Test t -> {
                out.put("path", t.path()).put("op", t.op().json());
                if (t.value() != null) {
                    out.set("value", t.value().deepCopy());
                }
            }
        }
        return out;
    }

    private static ArrayNode conditions(List<Condition> conditions) {
        ArrayNode array = Json.array();
        conditions.forEach(c -> array.add(condition(c)));
        return array;
    }
}
