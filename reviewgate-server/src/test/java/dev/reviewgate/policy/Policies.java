package dev.reviewgate.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;

/** Test helpers: JSON written with single quotes (swapped for double quotes) to keep tests legible. */
final class Policies {

    private Policies() {
    }

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
}
