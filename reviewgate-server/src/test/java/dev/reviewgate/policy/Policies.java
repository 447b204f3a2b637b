package dev.reviewgate.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.util.Optional;
import java.util.Set;

/** Test helpers: JSON written with single quotes (swapped for double quotes) to keep tests legible. */
final class Policies {

    private Policies() {}

    static JsonNode json(String singleQuoted) {
        try {
            return Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Predicate policy(String singleQuoted) {
        return PolicyParser.parse(json(singleQuoted), "/reviewPolicy");
    }

    static PolicyInput input(String snapshot, String signals) {
        return new PolicyInput(json(snapshot), json(signals), false, Set.of());
    }

    static Optional<Predicate> evaluate(String policy, String snapshot, String signals) {
        return PolicyEvaluator.evaluate(policy(policy), input(snapshot, signals));
    }

    /** Whether a json_condition with {@code condition} fires on {@code snapshot} with no signals. */
    static boolean holds(String condition, String snapshot) {
        return holds(condition, snapshot, "{}");
    }

    static boolean holds(String condition, String snapshot, String signals) {
        return evaluate("{'kind':'json_condition','condition':" + condition + "}", snapshot, signals)
                .isPresent();
    }
}
