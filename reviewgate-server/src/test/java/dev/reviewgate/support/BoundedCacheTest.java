package dev.reviewgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void theLeastRecentlyUsedEntryGoesFirstWhenFull() {
        BoundedCache<String, Integer> cache = BoundedCache.immutable(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3);
        assertThat(cache.get("a")).contains(1);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).contains(3);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void anExpiringEntryIsGoneOnceItsTimeIsUp() {
        TestClock clock = new TestClock();
        BoundedCache<String, Integer> cache = BoundedCache.expiring(10, Duration.ofSeconds(5), clock);
        cache.put("a", 1);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(cache.get("a")).contains(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void entriesCanBeDroppedByValue() {
        BoundedCache<String, String> cache = BoundedCache.immutable(10);
        cache.put("h1", "key_1");
        cache.put("h2", "key_2");
        cache.removeIf("key_1"::equals);
        assertThat(cache.get("h1")).isEmpty();
        assertThat(cache.get("h2")).contains("key_2");
    }
}
