package dev.reviewgate.wait;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process wake-ups for long polls, over string keys, each change carrying a value of type
 * {@code T} (the committed state, so a storm of woken waiters needs no reads). A waiter subscribes
 * to keys before it reads the state, so a change committed between the read and the wait is never
 * missed; a change fires its keys after commit. A slot exists only while someone waits on it, so
 * memory follows the number of waiters, not the number of keys ever fired.
 */
public final class ChangeSignals<T> {

    /**
     * The waiters of one key: each is woken by completing its own future, and leaves by removing it.
     * The set holds each subscription's one future, so identity is the equality that is meant.
     */
    private static final class Slot<T> {
        @SuppressWarnings("UndefinedEquals")
        final Set<CompletableFuture<T>> waiters = new HashSet<>();
    }

    /** One waiter's interest in some keys; close it when done waiting. */
    public final class Subscription implements AutoCloseable {
        private final List<String> keys;
        private final CompletableFuture<T> any = new CompletableFuture<>();

        private Subscription(List<String> keys) {
            this.keys = keys;
            keys.forEach(key -> join(key, any));
        }

        /** Completes when any of the keys fires, with the value the change carried (null if none). */
        public CompletableFuture<T> fired() {
            return any;
        }

        @Override
        public void close() {
            keys.forEach(key -> leave(key, any));
        }
    }

    private final ConcurrentHashMap<String, Slot<T>> slots = new ConcurrentHashMap<>();
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Runs {@code listener} after every change made here (to tell other instances, say). */
    public void onChange(Consumer<T> listener) {
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

    public Subscription subscribe(List<String> keys) {
        return new Subscription(keys);
    }

    /** A change committed here: wakes the waiters on {@code keys} with {@code value}, then tells the listeners. */
    public void changed(List<String> keys, T value) {
        keys.forEach(key -> fire(key, value));
        listeners.forEach(listener -> listener.accept(value));
    }

    /** Wakes every waiter on {@code key}, handing them {@code value} (null when the change is known only by key). */
    public void fire(String key, T value) {
        Slot<T> slot = slots.remove(key);
        if (slot != null) {
            // Removed from the map, the slot gains no waiter; one that subscribes now gets a new slot.
            synchronized (slot) {
                slot.waiters.forEach(waiter -> waiter.complete(value));
            }
        }
    }

    /** How many keys have waiters (for metrics and tests). */
    public int activeKeys() {
        return slots.size();
    }

    /** How many subscriptions wait on {@code key} now. */
    int waiting(String key) {
        Slot<T> slot = slots.get(key);
        if (slot == null) {
            return 0;
        }
        synchronized (slot) {
            return slot.waiters.size();
        }
    }

    private void join(String key, CompletableFuture<T> waiter) {
        slots.compute(key, (k, slot) -> {
            Slot<T> s = slot == null ? new Slot<>() : slot;
            synchronized (s) {
                s.waiters.add(waiter);
            }
            return s;
        });
    }

    /** Leaves the key's slot; a slot nobody waits on any more is dropped, so its memory goes too. */
    @SuppressWarnings("UndefinedEquals") // the very future this subscription added: identity is meant
    private void leave(String key, CompletableFuture<T> waiter) {
        slots.computeIfPresent(key, (k, slot) -> {
            synchronized (slot) {
                slot.waiters.remove(waiter);
                return slot.waiters.isEmpty() ? null : slot;
            }
        });
    }
}
