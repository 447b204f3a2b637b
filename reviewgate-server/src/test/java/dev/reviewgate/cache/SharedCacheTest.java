package dev.reviewgate.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules of {@link SharedCache}: when a value is kept, when it is read afresh, when it is forgotten. */
class SharedCacheTest {

    /** A real transaction to change things in (SQLite in memory); the cache only needs its commit and rollback. */
    private final Handle h = Jdbi.create("jdbc:sqlite::memory:").open();

    private final CacheChanges local = CacheChanges.local();
    private final SharedCache<String> cache = local.cache("things", 100);
    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void close() {
        h.close();
    }

    private Supplier<String> loading(String value) {
        return () -> {
            loads.incrementAndGet();
            return value;
        };
    }

    @Test
    void aValueIsLoadedOnceAndKeptPerAccountAndKey() {
        assertThat(cache.get("acc1", "k", loading("v1"))).isEqualTo("v1");
        assertThat(cache.get("acc1", "k", loading("other"))).isEqualTo("v1");
        assertThat(cache.get("acc2", "k", loading("v2"))).isEqualTo("v2");
        assertThat(cache.get("acc1", "j", loading("j1"))).isEqualTo("j1");
        assertThat(loads).hasValue(3);
    }

    @Test
    void theSameNameIsTheSameCache() {
        assertThat(local.<String>cache("things", 5)).isSameAs(cache);
    }

    @Test
    void aCommittedChangeIsForgottenForThatAccountOnly() {
        cache.get("acc1", "k", loading("old"));
        cache.get("acc2", "k", loading("kept"));
        h.useTransaction(t -> cache.changed(t, "acc1"));
        assertThat(cache.get("acc1", "k", loading("new"))).isEqualTo("new");
        assertThat(cache.get("acc2", "k", loading("not this"))).isEqualTo("kept");
    }

    @Test
    void whileAChangeIsOpenItsAccountIsReadAfreshAndNothingOfItIsKept() {
        h.begin();
        cache.changed(h, "acc1");
        // What the open transaction reads may be its own uncommitted write: never kept.
        assertThat(cache.get("acc1", "k", loading("uncommitted"))).isEqualTo("uncommitted");
        assertThat(cache.get("acc1", "k", loading("again"))).isEqualTo("again");
        h.rollback();
        assertThat(cache.get("acc1", "k", loading("committed"))).isEqualTo("committed");
        assertThat(cache.get("acc1", "k", loading("not read"))).isEqualTo("committed");
    }

    @Test
    void aLoadThatOverlapsACommittedChangeIsUsedButNotKept() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch changedMeanwhile = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cache.get("acc1", "k", () -> {
            loading.countDown();
            await(changedMeanwhile);
            return "read before the commit";
        }));
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        h.useTransaction(t -> cache.changed(t, "acc1"));
        changedMeanwhile.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("read before the commit");

        assertThat(cache.get("acc1", "k", loading("after the commit"))).isEqualTo("after the commit");
    }

    @Test
    void twoOpenChangesOfOneAccountKeepItUncachedUntilBothEnd() {
        try (Handle other = Jdbi.create("jdbc:sqlite::memory:").open()) {
            h.begin();
            other.begin();
            cache.changed(h, "acc1");
            cache.changed(other, "acc1");
            h.commit();
            assertThat(cache.get("acc1", "k", loading("one still open"))).isEqualTo("one still open");
            assertThat(cache.get("acc1", "k", loading("so not kept"))).isEqualTo("so not kept");
            other.commit();
        }
        cache.get("acc1", "k", loading("both ended"));
        assertThat(cache.get("acc1", "k", loading("unused"))).isEqualTo("both ended");
    }

    @Test
    void aChangeWhoseTransactionNeverEndedIsReleasedWhenItsHandleCloses() {
        Handle lost = Jdbi.create("jdbc:sqlite::memory:").open();
        // As when the connection died: the handle closes without the transaction being ended.
        lost.getConfig(Handles.class).setForceEndTransactions(false);
        lost.begin();
        cache.changed(lost, "acc1");
        lost.close();
        cache.get("acc1", "k", loading("after the close"));
        assertThat(cache.get("acc1", "k", loading("unused"))).isEqualTo("after the close");
    }

    @Test
    void aChangeOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> cache.changed(h, "acc1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothingIsLoadedAsNull() {
        assertThat(cache.get("acc1", "k", () -> null)).isNull();
        assertThat(cache.get("acc1", "k", loading("there now"))).isEqualTo("there now");
    }

    @Test
    void theLeastRecentlyUsedGoBeyondTheCapacity() {
        SharedCache<String> small = local.cache("small", 2);
        small.get("a", "1", loading("1"));
        small.get("a", "2", loading("2"));
        small.get("a", "1", loading("unused"));
        small.get("a", "3", loading("3"));
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.get("a", "1", loading("reloaded"))).isEqualTo("1");
        assertThat(small.get("a", "2", loading("reloaded"))).isEqualTo("reloaded");
    }

    @Test
    void sharedCachesAreUsedOnlyWhileChangesArriveAndForgetAllWhenTheyMayHaveBeenMissed() {
        CacheChanges shared = CacheChanges.shared();
        SharedCache<String> c = shared.cache("things", 100);
        assertThat(c.get("acc1", "k", loading("not listening yet"))).isEqualTo("not listening yet");
        assertThat(c.get("acc1", "k", loading("still not"))).isEqualTo("still not");

        shared.listening(true);
        c.get("acc1", "k", loading("kept"));
        assertThat(c.get("acc1", "k", loading("unused"))).isEqualTo("kept");

        shared.received("things acc1");
        assertThat(c.get("acc1", "k", loading("after another instance's change")))
                .isEqualTo("after another instance's change");
        shared.received("things acc2");
        shared.received("unknown acc1");
        shared.received("garbage");
        assertThat(c.get("acc1", "k", loading("unused"))).isEqualTo("after another instance's change");

        shared.listening(false);
        assertThat(c.size()).isZero();
        assertThat(c.get("acc1", "k", loading("lost"))).isEqualTo("lost");
        assertThat(c.get("acc1", "k", loading("lost again"))).isEqualTo("lost again");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
