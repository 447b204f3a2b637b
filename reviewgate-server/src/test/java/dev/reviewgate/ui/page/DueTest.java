package dev.reviewgate.ui.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DueTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void beforeTheDueTimeItSaysDueInAndFromItOnOverdueBy() {
        assertThat(Due.text(NOW + 3_599_000L, NOW)).isEqualTo("due in 59 min");
        assertThat(Due.text(NOW + 45_500L, NOW)).isEqualTo("due in 45 s");
        assertThat(Due.text(NOW, NOW)).isEqualTo("overdue by 0 s");
        assertThat(Due.text(NOW - 7_500_000L, NOW)).isEqualTo("overdue by 2 h 5 min");
        assertThat(Due.isOverdue(NOW, NOW)).isTrue();
        assertThat(Due.isOverdue(NOW + 1, NOW)).isFalse();
    }

    @Test
    void withoutADueTimeThereIsNothingToSay() {
        assertThat(Due.text(null, NOW)).isEmpty();
        assertThat(Due.isOverdue(null, NOW)).isFalse();
    }

    @Test
    void spansKeepTwoUnitsAtMost() {
        assertThat(Due.span(3_600_000L)).isEqualTo("1 h");
        assertThat(Due.span(2 * 86_400_000L + 4 * 3_600_000L + 59_000L)).isEqualTo("2 d 4 h");
        assertThat(Due.span(86_400_000L)).isEqualTo("1 d");
        assertThat(Due.span(-5)).isEqualTo("0 s");
    }

    @Test
    void absoluteTimesAreUtcToTheSecond() {
        assertThat(Due.when(0)).isEqualTo("1970-01-01 00:00:00 UTC");
    }
}
