package dev.reviewgate.kernel;

import dev.reviewgate.error.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one cursor codec of the API: a page's position as opaque URL-safe base64, so that what it
 * holds can change without breaking clients that pass {@code nextCursor} back unchanged. A cursor
 * the server did not issue is the same 400 everywhere.
 */
public final class Cursors {

    private static final int MAX_POSITION = 256;

    private Cursors() {}

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor holds; a 400 when it is not one {@link #encode} made. */
    public static String decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!printable(position) || !cursor.equals(encode(position))) {
                throw new IllegalArgumentException("not a cursor this server issued");
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
    }

    /**
     * Positions are ids and numbers: printable ASCII, short. Anything else (a NUL, which PostgreSQL
     * refuses in text, or a forged cursor kilobytes long) was not issued here.
     */
    private static boolean printable(String position) {
        return !position.isEmpty()
                && position.length() <= MAX_POSITION
                && position.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The 400 for a cursor the server did not issue. */
    public static Problem notIssued() {
        return Problem.badRequest("cursor is not one this server issued; pass nextCursor back unchanged");
    }
}
