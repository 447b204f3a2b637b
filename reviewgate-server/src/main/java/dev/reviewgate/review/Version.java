package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.kernel.Actor;

/**
 * An immutable snapshot of the reviewed output. Its id is the SHA-256 of the snapshot's canonical
 * JSON; {@code parentId} names the version this one was authored from, not "the latest".
 */
public record Version(
        String id,
        long seq,
        String parentId,
        Origin origin,
        Actor author,
        String note,
        JsonNode snapshot,
        long createdAt) {}
