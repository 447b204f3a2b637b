package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One immutable snapshot of the reviewed output. Its id is the key under which the review holds it
 * and equals {@link VersionIds#of(Object) VersionIds.of(snapshot())}.
 *
 * @param snapshot  the output exactly as submitted, keyed by field id
 * @param parentId  the version this one was authored from, or null for the first
 * @param origin    how it came to be
 * @param author    who made it
 * @param note      the author's note, or null
 * @param createdAt when it was stored
 */
public record Version(JsonNode snapshot, String parentId, Origin origin, Actor author, String note, Instant createdAt) {

    /**
     * The snapshot mapped onto your own type (a record, a map, …) with the SDK's JSON mapper.
     *
     * @param type the target type
     * @param <T>  the target type
     * @return the snapshot as {@code type}
     */
    public <T> T snapshotAs(Class<T> type) {
        return Json.convert(snapshot, type);
    }
}
