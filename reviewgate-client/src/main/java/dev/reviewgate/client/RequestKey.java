package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} of the requests one builder makes: the pinned key if there is one,
 * else a random key that stays the same while the body does. A new body gets a new key, because
 * the server refuses a key reused for another body. Not thread-safe, like the builder.
 */
final class RequestKey {

    private String pinned;
    private String generated;
    private JsonNode generatedFor;

    void pin(String key) {
        this.pinned = key;
    }

    String forBody(JsonNode body) {
        if (!body.equals(generatedFor)) {
            generated = UUID.randomUUID().toString();
            generatedFor = body;
        }
        return pinned != null ? pinned : generated;
    }
}
