package dev.reviewgate.wait;

import java.util.List;
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

    private static final class Slot<T> {
        final CompletableFuture<T> fired = new CompletableFuture<>();
        int waiters;
    }

    /** One waiter's interest in some keys; close it when done waiting. */
    public final class Subscription implements AutoCloseable {
        private final List<String> keys;
        private final List<Slot<T>> joined;
        private final CompletableFuture<T> any = new CompletableFuture<>();

        private Subscription(List<String> keys) {
            this.keys = keys;
            this.joined = keys.stream().map(ChangeSignals.this::join).toList();
            for (Slot<T> slot : joined) {
                // A slot's future only ever completes normally, so the stage thenAccept returns has nothing to report.
                var unused = slot.fired.thenAccept(any::complete);
            }
        }

        /** Completes when any of the keys fires, with the value the change carried (null if none). */
        public CompletableFuture<T> fired() {
            return any;
        }

        @Override
        public void close() {
            for (int i = 0; i < keys.size(); i++) {
                leave(keys.get(i), joined.get(i));
            }
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
            slot.fired.complete(value);
        }
    }

    /** How many keys have waiters (for metrics and tests). */
    public int activeKeys() {
        return slots.size();
    }

    private Slot<T> join(String key) {
        return slots.compute(key, (k, slot) -> {
            Slot<T> s = slot == null ? new Slot<>() : slot;
            s.waiters++;
            return s;
        });
    }

    private void leave(String key, Slot<T> slot) {
        slots.computeIfPresent(key, (k, current) -> {
            if (current != slot) {
                return current;
            }
            return --current.waiters == 0 ? null : current;
        });
    }
}
