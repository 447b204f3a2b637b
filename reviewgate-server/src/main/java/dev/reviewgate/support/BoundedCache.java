package dev.reviewgate.support;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A small least-recently-used map, safe across threads, bounded by the total weight of its values
 * (by default each weighs 1), whose entries may expire. Only for data that never changes (a form
 * revision) or may be briefly stale by design (a valid API key): a miss always falls back to the
 * database, and nothing that was not found is ever cached. A value heavier than the whole budget
 * is not kept at all.
 */
public final class BoundedCache<K, V> {

    private record Slot<V>(V value, long weight, long expiresAt) {}

    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final long ttlMillis;
    private final InstantSource clock;
    private final Map<K, Slot<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    private BoundedCache(long maxWeight, ToLongFunction<V> weigher, long ttlMillis, InstantSource clock) {
        if (maxWeight < 1) {
            throw new IllegalArgumentException("the budget must be positive");
        }
        this.maxWeight = maxWeight;
        this.weigher = weigher;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    /** Entries that stay until evicted by newer ones, within {@code maxWeight} in total: for immutable values. */
    public static <K, V> BoundedCache<K, V> immutable(long maxWeight, ToLongFunction<V> weigher) {
        return new BoundedCache<>(maxWeight, weigher, Long.MAX_VALUE, InstantSource.system());
    }

    /** At most {@code capacity} entries, each dropped {@code ttl} after it was put. */
    public static <K, V> BoundedCache<K, V> expiring(int capacity, Duration ttl, InstantSource clock) {
        return new BoundedCache<>(capacity, v -> 1, ttl.toMillis(), clock);
    }

    public synchronized Optional<V> get(K key) {
        Slot<V> slot = entries.get(key);
        if (slot == null) {
            return Optional.empty();
        }
        if (ttlMillis != Long.MAX_VALUE && clock.millis() >= slot.expiresAt()) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(slot.value());
    }

    public synchronized void put(K key, V value) {
        long w = weigher.applyAsLong(value);
        if (w > maxWeight) {
            return;
        }
        remove(key);
        long expiresAt = ttlMillis == Long.MAX_VALUE ? Long.MAX_VALUE : clock.millis() + ttlMillis;
        entries.put(key, new Slot<>(value, w, expiresAt));
        weight += w;
        for (Iterator<Slot<V>> eldest = entries.values().iterator(); weight > maxWeight && eldest.hasNext(); ) {
            weight -= eldest.next().weight();
            eldest.remove();
        }
    }

    /** Drops every entry whose value matches, e.g. the key that was just revoked. */
    public synchronized void removeIf(Predicate<V> matches) {
        for (Iterator<Slot<V>> it = entries.values().iterator(); it.hasNext(); ) {
            Slot<V> slot = it.next();
            if (matches.test(slot.value())) {
                weight -= slot.weight();
                it.remove();
            }
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /** The total weight of what is kept now. */
    public synchronized long weight() {
        return weight;
    }

    private void remove(K key) {
        Slot<V> old = entries.remove(key);
        if (old != null) {
            weight -= old.weight();
        }
    }
}
