package dev.reviewgate.support;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small least-recently-used map, safe across threads, whose entries may expire. Only for data
 * that never changes (a form revision) or may be briefly stale by design (a valid API key): a
 * miss always falls back to the database, and nothing that was not found is ever cached.
 */
public final class BoundedCache<K, V> {

    private record Slot<V>(V value, long expiresAt) {
    }

    private final long ttlMillis;
    private final InstantSource clock;
    private final Map<K, Slot<V>> entries;

    private BoundedCache(int capacity, long ttlMillis, InstantSource clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Entries that stay until evicted by newer ones: for immutable values. */
    public static <K, V> BoundedCache<K, V> immutable(int capacity) {
        return new BoundedCache<>(capacity, Long.MAX_VALUE, InstantSource.system());
    }

    /** Entries that are dropped {@code ttl} after they were put. */
    public static <K, V> BoundedCache<K, V> expiring(int capacity, Duration ttl, InstantSource clock) {
        return new BoundedCache<>(capacity, ttl.toMillis(), clock);
    }

    public synchronized Optional<V> get(K key) {
        Slot<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (ttlMillis != Long.MAX_VALUE && clock.millis() >= entry.expiresAt()) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    public synchronized void put(K key, V value) {
        long expiresAt = ttlMillis == Long.MAX_VALUE ? Long.MAX_VALUE : clock.millis() + ttlMillis;
        entries.put(key, new Slot<>(value, expiresAt));
    }

    /** Drops every entry whose value matches, e.g. the key that was just revoked. */
    public synchronized void removeIf(Predicate<V> matches) {
        entries.values().removeIf(e -> matches.test(e.value()));
    }

    public synchronized int size() {
        return entries.size();
    }
}
