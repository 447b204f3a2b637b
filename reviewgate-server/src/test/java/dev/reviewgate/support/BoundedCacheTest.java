package dev.reviewgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void theLeastRecentlyUsedEntryGoesFirstWhenFull() {
        BoundedCache<String, Integer> cache = BoundedCache.immutable(2, v -> 1);
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
    void theBudgetIsByWeightAndAValueHeavierThanAllOfItIsNotKept() {
        BoundedCache<String, String> cache = BoundedCache.immutable(10, String::length);
        cache.put("a", "xxxx");
        cache.put("b", "xxxx");
        cache.put("c", "xxxx");
        assertThat(cache.get("a")).as("evicted to stay within 10").isEmpty();
        assertThat(cache.weight()).isEqualTo(8);
        cache.put("huge", "x".repeat(11));
        assertThat(cache.get("huge")).isEmpty();
        assertThat(cache.get("b")).isPresent();
        assertThat(cache.get("c")).isPresent();
        cache.put("b", "x");
        assertThat(cache.weight()).as("a replaced value gives its weight back").isEqualTo(5);
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
        BoundedCache<String, String> cache = BoundedCache.immutable(10, v -> 1);
        cache.put("h1", "key_1");
        cache.put("h2", "key_2");
        cache.removeIf("key_1"::equals);
        assertThat(cache.get("h1")).isEmpty();
        assertThat(cache.get("h2")).contains("key_2");
    }
}
