package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A keyset-paginated listing as an {@link Iterable}: pages {@code {"data": [...], "nextCursor"}} are
 * fetched lazily, following {@code nextCursor} until the last page. Each iteration starts again from
 * the first page.
 *
 * @param <T> the type of one entry
 */
public final class Paginated<T> implements Iterable<T> {

    private final Transport transport;
    private final Function<String, String> pathAfter;
    private final Class<T> type;

    /** {@code pathAfter} gives the path of the page after a cursor (null for the first page). */
    Paginated(Transport transport, Function<String, String> pathAfter, Class<T> type) {
        this.transport = transport;
        this.pathAfter = pathAfter;
        this.type = type;
    }

    /**
     * Iterates over every entry, fetching pages as needed.
     *
     * @return a new iterator from the first page
     */
    @Override
    public Iterator<T> iterator() {
        return new Pages();
    }

    /**
     * The same as a sequential stream; pages are fetched as the stream is consumed.
     *
     * @return a stream of every entry
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    private final class Pages implements Iterator<T> {
        private final Deque<T> buffer = new ArrayDeque<>();
        private String cursor;
        private boolean last;

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && !last) {
                fetch();
            }
            return !buffer.isEmpty();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.poll();
        }

        private void fetch() {
            JsonNode page = transport.send(Transport.Call.get(pathAfter.apply(cursor)));
            for (JsonNode item : page.path("data")) {
                buffer.add(Json.convert(item, type));
            }
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            last = cursor == null;
        }
    }
}
