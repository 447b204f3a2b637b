package dev.reviewgate.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The {@link SharedCache}s of one instance, and how a change reaches those of the others.
 *
 * <p>On SQLite this process is the only writer of its data directory, so forgetting locally after
 * commit is all there is. On PostgreSQL a change sends {@code NOTIFY} on {@link #CHANNEL} inside
 * its transaction (so it goes out exactly when the change commits, and never for one that rolled
 * back), and each instance's {@code LISTEN} connection makes the others forget. The caches are used
 * only while that connection is up ({@link #listening}): while it is down, or where NOTIFY is not
 * available ({@code REVIEWGATE_NOTIFY=poll}), every read goes to the database; when it comes back,
 * everything is forgotten first, since changes may have been missed in between. Another instance
 * therefore sees a change once its LISTEN connection has received the commit's notification, not
 * at the commit itself.
 */
public final class CacheChanges {

    public static final String CHANNEL = "reviewgate_config";

    private final boolean shared;
    private final Map<String, SharedCache<?>> caches = new ConcurrentHashMap<>();
    private volatile boolean usable;

    private CacheChanges(boolean shared) {
        this.shared = shared;
        this.usable = !shared;
    }

    /** One process owns the database (SQLite): the caches are always in use. */
    public static CacheChanges local() {
        return new CacheChanges(false);
    }

    /** Several instances may share the database (PostgreSQL): in use only while {@link #listening}. */
    public static CacheChanges shared() {
        return new CacheChanges(true);
    }

    /** The cache of that name, made on first use with that capacity: every part that names it shares it. */
    @SuppressWarnings("unchecked")
    public <V> SharedCache<V> cache(String name, int capacity) {
        return (SharedCache<V>)
                caches.computeIfAbsent(name, n -> new SharedCache<>(n, this, capacity, SharedCache.MAX_AGE));
    }

    /** Whether other instances' changes reach this one: the LISTEN connection is up (true) or lost (false). */
    public void listening(boolean connected) {
        if (!shared) {
            return;
        }
        usable = false;
        caches.values().forEach(SharedCache::forgetAll);
        usable = connected;
    }

    /** A notification on {@link #CHANNEL}: {@code <cache name> <account id>}. */
    public void received(String payload) {
        int space = payload.indexOf(' ');
        SharedCache<?> cache = space < 0 ? null : caches.get(payload.substring(0, space));
        if (cache != null) {
            cache.forget(payload.substring(space + 1));
        }
    }

    boolean usable() {
        return usable;
    }

    void announce(Handle h, String name, String accountId) {
        if (shared) {
            h.createQuery("SELECT pg_notify('" + CHANNEL + "', :p)")
                    .bind("p", name + " " + accountId)
                    .mapTo(String.class)
                    .list();
        }
    }
}
