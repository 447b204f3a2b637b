package dev.reviewgate.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Wake-ups by key: a fired key wakes its waiters with the change's value, and leaving costs nothing later. */
class ChangeSignalsTest {

    private final ChangeSignals<String> signals = new ChangeSignals<>();

    @Test
    void aChangeWakesTheWaitersOfItsKeysWithItsValue() throws Exception {
        try (var onA = signals.subscribe(List.of("a"));
                var onB = signals.subscribe(List.of("b", "c"))) {
            signals.changed(List.of("c"), "committed");

            assertThat(onB.fired().get(1, TimeUnit.SECONDS)).isEqualTo("committed");
            assertThat(onA.fired()).isNotDone();
        }
    }

    @Test
    void waitersThatCameAndWentLeaveNothingBehindOnAKeyThatNeverFires() {
        try (var longLived = signals.subscribe(List.of("quiet"))) {
            for (int i = 0; i < 1_000; i++) {
                signals.subscribe(List.of("quiet")).close();
            }

            assertThat(signals.waiting("quiet")).isEqualTo(1);
            assertThat(longLived.fired()).isNotDone();
        }
        assertThat(signals.activeKeys()).isZero();
    }

    @Test
    void closingWakesEveryWaiterWithNoValue() throws Exception {
        var waiter = signals.subscribe(List.of("k"));

        signals.close();

        assertThat(waiter.fired().get(1, TimeUnit.SECONDS)).isNull();
        assertThat(signals.isClosed()).isTrue();
    }

    @Test
    void listenersHearChangesMadeHereButNotFiresFromElsewhere() {
        StringBuilder heard = new StringBuilder();
        signals.onChange(heard::append);

        signals.changed(List.of("k"), "here");
        signals.fire("k", "elsewhere");

        assertThat(heard).hasToString("here");
    }
}
