package dev.reviewgate.cache;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Rows that every event reads but that change rarely (a form's current revision, an account's
 * webhook endpoints, whether a channel is set up), remembered per account so that planning an
 * event costs no round trip for them.
 *
 * <p>Whoever changes such a row calls {@link #changed} inside the changing transaction. From then
 * until it commits or rolls back, this instance reads the account's rows from the database each
 * time (so the transaction sees its own writes and nobody caches them before they are committed);
 * after it, the account's entries are forgotten here, and other instances are told at commit (see
 * {@link CacheChanges}). A load that overlapped any change is used but not kept, so a value read
 * before a commit can never be stored after it. Entries also expire after {@link #MAX_AGE} and
 * the least recently used go beyond {@code capacity}, so a change made behind the service's back
 * (by hand in SQL) is seen within that time.
 */
public final class SharedCache<V> {

    /** The longest an entry is trusted without being told of a change. */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Key(String accountId, String key) {}

    private record Slot<V>(V value, long loadedAt) {}

    private final String name;
    private final CacheChanges changes;
    private final int capacity;
    private final long maxAgeNanos;
    private final Map<Key, Slot<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** Accounts with a change not yet committed or rolled back on this instance, and how many. */
    private final Map<String, Integer> changing = new HashMap<>();
    /** Moves on every forget, so that a load can tell whether it overlapped one. */
    private long generation;

    SharedCache(String name, CacheChanges changes, int capacity, Duration maxAge) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.name = name;
        this.changes = changes;
        this.capacity = capacity;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The remembered value, else {@code load}'s (kept unless a change overlapped it). */
    public V get(String accountId, String key, Supplier<V> load) {
        Key k = new Key(accountId, key);
        long seen;
        synchronized (this) {
            Slot<V> slot = entries.get(k);
            if (slot != null && System.nanoTime() - slot.loadedAt() < maxAgeNanos) {
                return slot.value();
            }
            if (!changes.usable() || changing.containsKey(accountId)) {
                seen = -1;
            } else {
                seen = generation;
            }
        }
        V loaded = load.get();
        if (seen >= 0 && loaded != null) {
            synchronized (this) {
                if (seen == generation && changes.usable()) {
                    entries.put(k, new Slot<>(loaded, System.nanoTime()));
                    for (Iterator<Slot<V>> eldest = entries.values().iterator();
                            entries.size() > capacity && eldest.hasNext(); ) {
                        eldest.next();
                        eldest.remove();
                    }
                }
            }
        }
        return loaded;
    }

    /**
     * Call inside the transaction that changes the account's cached rows, before or after the
     * change: this instance stops remembering them until the transaction ends, then forgets them;
     * other instances forget them when it commits.
     */
    public void changed(Handle h, String accountId) {
        if (!h.isInTransaction()) {
            throw new IllegalStateException("a cached row changes inside a transaction");
        }
        synchronized (this) {
            changing.merge(accountId, 1, Integer::sum);
            forgetLocked(accountId);
        }
        // Once, whichever comes first: the commit, the rollback, or (if a dead connection made
        // those throw before their callbacks ran) the handle's close.
        AtomicBoolean done = new AtomicBoolean();
        Runnable ended = () -> {
            if (done.compareAndSet(false, true)) {
                synchronized (this) {
                    changing.computeIfPresent(accountId, (a, n) -> n == 1 ? null : n - 1);
                    forgetLocked(accountId);
                }
            }
        };
        h.afterCommit(ended);
        h.afterRollback(ended);
        h.addCleanable(ended::run);
        changes.announce(h, name, accountId);
    }

    /** What another instance changed, or everything when changes may have been missed. */
    synchronized void forget(String accountId) {
        forgetLocked(accountId);
    }

    synchronized void forgetAll() {
        generation++;
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    private void forgetLocked(String accountId) {
        generation++;
        entries.keySet().removeIf(k -> k.accountId().equals(accountId));
    }
}
