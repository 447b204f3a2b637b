package dev.reviewgate.client;

import java.util.Iterator;
import java.util.stream.Stream;

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

    private final Paginated<ReviewSummary> pages;

    ReviewList(Transport transport, ListParams params) {
        this.pages = new Paginated<>(transport, cursor -> "/v1/reviews" + params.query(cursor), ReviewSummary.class);
    }

    /**
     * Iterates over every matching review in the order of {@link ListParams#sort()}, fetching pages as needed.
     *
     * @return a new iterator from the first page
     */
    @Override
    public Iterator<ReviewSummary> iterator() {
        return pages.iterator();
    }

    /**
     * The same as a sequential stream; pages are fetched as the stream is consumed.
     *
     * @return a stream of every matching review
     */
    public Stream<ReviewSummary> stream() {
        return pages.stream();
    }
}
