package dev.reviewgate.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.routing.Assignees;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.OnExpire;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an expiry does, in the spec's order: reject by default, approve only when asked, escalate then {@code then}. */
class ExpiryRulesTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Assignees DANA = new Assignees(List.of("dana@example.com"), List.of());

    @Test
    void rejectIsTheDefault() {
        assertThat(ExpiryRules.action(new Deadline(HOUR, null, null, null, null), 0))
                .isEqualTo(OnExpire.REJECT);
    }

    @Test
    void aDueTimeWithoutADeadlineRejects() {
        assertThat(ExpiryRules.action(null, 0)).isEqualTo(OnExpire.REJECT);
    }

    @Test
    void approveOnlyWhenAskedFor() {
        assertThat(ExpiryRules.action(new Deadline(HOUR, null, OnExpire.APPROVE, null, null), 0))
                .isEqualTo(OnExpire.APPROVE);
    }

    @Test
    void escalateFirstThenRejectByDefault() {
        Deadline d = new Deadline(HOUR, null, OnExpire.ESCALATE, DANA, null);

        assertThat(ExpiryRules.action(d, 0)).isEqualTo(OnExpire.ESCALATE);
        assertThat(ExpiryRules.action(d, 1)).isEqualTo(OnExpire.REJECT);
    }

    @Test
    void escalateThenApproveWhenAskedFor() {
        Deadline d = new Deadline(HOUR, null, OnExpire.ESCALATE, DANA, OnExpire.APPROVE);

        assertThat(ExpiryRules.action(d, 1)).isEqualTo(OnExpire.APPROVE);
    }

    @Test
    void theReasonNamesTheDueTime() {
        assertThat(ExpiryRules.reason(0L)).isEqualTo("expired: no decision by 1970-01-01T00:00:00.000Z");
    }
}
