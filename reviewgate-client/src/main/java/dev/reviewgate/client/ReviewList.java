package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The review queue as an {@link Iterable}: pages are fetched lazily, following the server's
 * {@code nextCursor} until the last page. Each iteration starts again from the first page.
 *
 * <pre>{@code
 * for (ReviewSummary item : rg.reviews().list(ListParams.open().workflowId("wf_abc123"))) {
 *     System.out.println(item.runId() + " " + item.blockId() + " " + item.awaitingSince());
 * }
 * }</pre>
 */
public final class ReviewList implements Iterable<ReviewSummary> {

    private final Transport transport;
    private final ListParams params;

    ReviewList(Transport transport, ListParams params) {
        this.transport = transport;
        this.params = params;
    }

    /**
     * Iterates over every matching review, oldest first, fetching pages as needed.
     *
     * @return a new iterator from the first page
     */
    @Override
    public Iterator<ReviewSummary> iterator() {
        return new Pages();
    }

    /**
     * The same as a sequential stream; pages are fetched as the stream is consumed.
     *
     * @return a stream of every matching review
     */
    public Stream<ReviewSummary> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    private final class Pages implements Iterator<ReviewSummary> {
        private final Deque<ReviewSummary> buffer = new ArrayDeque<>();
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
        public ReviewSummary next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.poll();
        }

        private void fetch() {
            JsonNode page = transport.send(Transport.Call.get("/v1/reviews" + params.query(cursor)));
            for (JsonNode item : page.path("data")) {
                buffer.add(Json.convert(item, ReviewSummary.class));
            }
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            last = cursor == null;
        }
    }
}
