package dev.reviewgate.http;

import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one keyset cursor of the API: the {@code (createdAt, id)} of the last row of a page, opaque
 * to clients (URL-safe base64). A cursor the server did not issue is a 400, the same everywhere.
 */
public record KeysetCursor(long createdAt, String id) {

    /** The cursor as clients see it. */
    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((createdAt + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor from a request; null stays null. */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            if (parts.length != 2 || !Ids.isWellFormed(parts[1])) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new KeysetCursor(Long.parseLong(parts[0]), parts[1]);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("cursor is not one this server issued; pass nextCursor back unchanged");
        }
    }
}
