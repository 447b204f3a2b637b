package dev.reviewgate.kernel;

/**
 * The position of a page ordered by {@code (createdAt, id)}: the last row shown. Encoded by
 * {@link Cursors}, the one cursor codec.
 */
public record KeysetCursor(long createdAt, String id) {

    /** The cursor as clients see it. */
    public String encode() {
        return Cursors.encode(createdAt + ":" + id);
    }

    /** Reads a cursor from a request; null stays null. */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = Cursors.decode(cursor).split(":", 2);
        try {
            if (parts.length != 2 || !Ids.isWellFormed(parts[1])) {
                throw Cursors.notIssued();
            }
            return new KeysetCursor(Long.parseLong(parts[0]), parts[1]);
        } catch (NumberFormatException e) {
            throw Cursors.notIssued();
        }
    }
}
