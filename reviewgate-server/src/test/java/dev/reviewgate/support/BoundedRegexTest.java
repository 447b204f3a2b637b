package dev.reviewgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedRegexTest {

    @Test
    void findsAnUnanchoredMatch() {
        assertThat(BoundedRegex.find("INV-[0-9]+", "ref INV-991")).isEqualTo(BoundedRegex.Result.MATCH);
        assertThat(BoundedRegex.find("^INV", "ref INV-991")).isEqualTo(BoundedRegex.Result.NO_MATCH);
    }

    @Test
    void catastrophicBacktrackingIsTooCostly() {
        // Unbounded, this match would not end in the lifetime of the machine; the budget stops it.
        assertThat(BoundedRegex.find("(a+)+b", "a".repeat(5_000) + "!")).isEqualTo(BoundedRegex.Result.TOO_COSTLY);
    }

    @Test
    void theBudgetCountsCharacterReads() {
        String input = "b".repeat(100) + "a";
        assertThat(BoundedRegex.find("a", input, 1_000)).isEqualTo(BoundedRegex.Result.MATCH);
        assertThat(BoundedRegex.find("a", input, 50)).isEqualTo(BoundedRegex.Result.TOO_COSTLY);
    }
}
