package dev.reviewgate.review;

import dev.reviewgate.db.Database;
import dev.reviewgate.event.EventRepository;
import dev.reviewgate.wait.ChangeSignals;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reads reviews: one by address, a queue page, and the long poll. A waiter subscribes before it
 * reads, then parks (a virtual thread, no connection held) until a change on this instance fires
 * its key or the timeout passes.
 */
public final class ReviewReader {

    /** What a wait asks for: a decision, or a review that exists and is not decided. */
    public enum WaitFor {
        DECISION,
        AWAITING
    }

    /** A queue page: up to {@code limit} reviews and the cursor of the next page, if any. */
    public record Page(List<Review> reviews, String nextCursor) {}

    /** The outcome of a wait: whether the condition held, and the review as last read (or none). */
    public record Waited(boolean ready, Review review) {}

    /** Where woken waiters re-read and answer: a virtual thread each, apart from the thread that woke them. */
    private static final Executor WAKE = Executors.newVirtualThreadPerTaskExecutor();

    private final Database database;
    private final ReviewRepository reviews;
    private final QueueRepository queue;
    private final EventRepository events;
    private final ChangeSignals<Review> signals;
    private final InstantSource clock;

    public ReviewReader(
            Database database,
            ReviewRepository reviews,
            QueueRepository queue,
            EventRepository events,
            ChangeSignals<Review> signals,
            InstantSource clock) {
        this.database = database;
        this.reviews = reviews;
        this.queue = queue;
        this.events = events;
        this.signals = signals;
        this.clock = clock;
    }

    /** The time reads are judged at (a lapsed claim shows as none, overdue is past this). */
    public long now() {
        return clock.millis();
    }

    public Review get(String accountId, ReviewAddress address) {
        return find(accountId, address).orElseThrow(address::notFound);
    }

    public Page list(String accountId, QueueQuery query) {
        List<Review> rows = database.read(h -> queue.page(h, accountId, query));
        if (rows.size() <= query.limit()) {
            return new Page(rows, null);
        }
        List<Review> page = rows.subList(0, query.limit());
        return new Page(page, query.cursorAfter(page.get(page.size() - 1)));
    }

    /**
     * Waits up to {@code timeout} for the condition. By id, an unknown review is a 404; by run
     * address, a review that does not exist yet is waited for.
     */
    public Waited waitFor(String accountId, ReviewAddress address, WaitFor what, Duration timeout)
            throws InterruptedException {
        try {
            return waitForAsync(accountId, address, what, timeout).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The same without holding a thread while it waits: a parked long poll is a subscription and a
     * timer, not a parked thread with its stack (10,000 of those were about 85 MiB of heap). The
     * first read happens before this returns, so an unknown review throws its 404 here; the answer
     * completes on a thread of its own, never on the thread whose commit woke it.
     */
    public CompletableFuture<Waited> waitForAsync(
            String accountId, ReviewAddress address, WaitFor what, Duration timeout) {
        return waitUntil(accountId, address, what, clock.millis() + timeout.toMillis());
    }

    private CompletableFuture<Waited> waitUntil(String accountId, ReviewAddress address, WaitFor what, long deadline) {
        ChangeSignals<Review>.Subscription subscription = signals.subscribe(address.signalKeys(accountId));
        try {
            Optional<Review> review = find(accountId, address);
            if (review.isEmpty() && address.reviewId() != null) {
                throw address.notFound();
            }
            if (review.isPresent() && ready(review.get(), what)) {
                subscription.close();
                return CompletableFuture.completedFuture(new Waited(true, review.get()));
            }
            boolean hopeless = (review.isPresent() && what == WaitFor.AWAITING) || signals.isClosed();
            long remaining = deadline - clock.millis();
            if (hopeless || remaining <= 0) {
                subscription.close();
                return CompletableFuture.completedFuture(new Waited(false, review.orElse(null)));
            }
            // The timeout completes the subscription with no value: then the final read decides, so a
            // change at the deadline is not lost.
            return subscription
                    .fired()
                    .completeOnTimeout(null, remaining, TimeUnit.MILLISECONDS)
                    .thenComposeAsync(
                            changed -> {
                                subscription.close();
                                // A decision is final, so a committed review that is ready can be answered
                                // as it is: thousands of waiters woken by one decision cost no reads.
                                if (changed != null && changed.accountId().equals(accountId) && ready(changed, what)) {
                                    return CompletableFuture.completedFuture(new Waited(true, changed));
                                }
                                return waitUntil(accountId, address, what, deadline);
                            },
                            WAKE);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /** The review's outbox events, in sequence order. */
    public List<EventRepository.StoredEvent> events(String accountId, ReviewAddress address) {
        return database.read(h -> events.forReview(h, accountId, address.resolve(h, reviews, accountId)));
    }

    private static boolean ready(Review review, WaitFor what) {
        return what == WaitFor.DECISION ? review.isDecided() : !review.isDecided();
    }

    private Optional<Review> find(String accountId, ReviewAddress address) {
        // One snapshot: the header and its children are read together, so a decision never shows
        // beside a status that does not have it yet.
        return database.readSnapshot(
                h -> address.find(h, reviews, accountId).flatMap(id -> reviews.load(h, accountId, id)));
    }
}
