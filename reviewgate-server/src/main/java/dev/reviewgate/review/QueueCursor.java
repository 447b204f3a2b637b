package dev.reviewgate.review;

import dev.reviewgate.kernel.Cursors;
import dev.reviewgate.kernel.Ids;

/**
 * The position of a queue page: the sort it belongs to and the last row's sort key, creation time
 * and id. A cursor issued for one sort is refused for another.
 */
record QueueCursor(QueueSort sort, long key, long createdAt, String id) {

    static QueueCursor after(QueueSort sort, Review last) {
        long key = switch (sort) {
            case CREATED_AT -> last.createdAt();
            case DUE_AT -> last.dueAt() == null ? WorkColumns.NO_DEADLINE : last.dueAt();
            case PRIORITY -> last.priority();
        };
        return new QueueCursor(sort, key, last.createdAt(), last.id());
    }

    String encode() {
        return Cursors.encode(sort.wire() + ":" + key + ":" + createdAt + ":" + id);
    }

    static QueueCursor decode(String cursor, QueueSort sort) {
        if (cursor == null) {
            return null;
        }
        String[] parts = Cursors.decode(cursor).split(":", 4);
        try {
            if (parts.length != 4 || !parts[0].equals(sort.wire()) || !Ids.isWellFormed(parts[3])) {
                throw Cursors.notIssued();
            }
            return new QueueCursor(sort, Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
        } catch (NumberFormatException e) {
            throw Cursors.notIssued();
        }
    }
}
