package dev.reviewgate.wait;

import dev.reviewgate.review.Review;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process wake-ups for long polls. A waiter subscribes to keys (a review, a run address) before
 * it reads the state, so a change committed between the read and the wait is never missed; a
 * change fires its keys after commit. A slot exists only while someone waits on it, so memory
 * follows the number of waiters, not the number of reviews.
 */
public final class ChangeSignals {

    private static final class Slot {
        final CompletableFuture<Review> fired = new CompletableFuture<>();
        int waiters;
    }

    /** One waiter's interest in some keys; close it when done waiting. */
    public final class Subscription implements AutoCloseable {
        private final List<String> keys;
        private final List<Slot> slots;
        private final CompletableFuture<Object> any;

        private Subscription(List<String> keys) {
            this.keys = keys;
            this.slots = keys.stream().map(ChangeSignals.this::join).toList();
            this.any = CompletableFuture.anyOf(slots.stream().map(s -> s.fired).toArray(CompletableFuture[]::new));
        }

        /**
         * Completes when any of the keys fires, with the review as committed by that change (so a
         * wake-up storm needs no database reads), or null when the signal carried no review.
         */
        public CompletableFuture<Object> fired() {
            return any;
        }

        @Override
        public void close() {
            for (int i = 0; i < keys.size(); i++) {
                leave(keys.get(i), slots.get(i));
            }
        }
    }

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<Review>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Runs {@code listener} after every committed change (to wake the dispatcher, to tell other instances). */
    public void onChange(java.util.function.Consumer<Review> listener) {
        listeners.add(listener);
    }

    /** Shutting down: every waiter is woken now and told not to wait again. */
    public void close() {
        closed = true;
        slots.keySet().forEach(key -> fire(key, null));
    }

    public boolean isClosed() {
        return closed;
    }

    /** Wakes the waiters of a review changed on another instance; they re-read it. */
    public void changedElsewhere(String accountId, String reviewId, String runId, String blockId) {
        fire(reviewKey(accountId, reviewId), null);
        if (runId != null && blockId != null) {
            fire(runKey(accountId, runId, blockId), null);
        }
    }

    public static String reviewKey(String accountId, String reviewId) {
        return accountId + "|review|" + reviewId;
    }

    public static String runKey(String accountId, String runId, String blockId) {
        return accountId + "|run|" + runId.length() + ":" + runId + "|" + blockId;
    }

    public Subscription subscribe(List<String> keys) {
        return new Subscription(keys);
    }

    /** Wakes the waiters on a review, by id and by run address. Call after the change is committed. */
    public void changed(Review review) {
        fire(reviewKey(review.accountId(), review.id()), review);
        if (review.runId() != null) {
            fire(runKey(review.accountId(), review.runId(), review.blockId()), review);
        }
        listeners.forEach(listener -> listener.accept(review));
    }

    /** Wakes every waiter on {@code key}, handing them {@code review} as committed (or null if unknown). */
    public void fire(String key, Review review) {
        Slot slot = slots.remove(key);
        if (slot != null) {
            slot.fired.complete(review);
        }
    }

    /** How many keys have waiters (for metrics and tests). */
    public int activeKeys() {
        return slots.size();
    }

    private Slot join(String key) {
        return slots.compute(key, (k, slot) -> {
            Slot s = slot == null ? new Slot() : slot;
            s.waiters++;
            return s;
        });
    }

    private void leave(String key, Slot slot) {
        slots.computeIfPresent(key, (k, current) -> {
            if (current != slot) {
                return current;
            }
            return --current.waiters == 0 ? null : current;
        });
    }
}
