package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The deadline and reminder values as the SDK writes them: rejecting unless approval is asked for. */
class DeadlineTest {

    @Test
    void aDeadlineRejectsOnExpiryUnlessToldOtherwise() {
        assertThat(Deadline.after(Duration.ofHours(4)).toJson())
                .hasToString("{\"after\":\"PT4H\",\"onExpire\":\"reject\"}");
        assertThat(Deadline.at(Instant.parse("2026-12-24T17:00:00Z")).toJson())
                .hasToString("{\"at\":\"2026-12-24T17:00:00Z\",\"onExpire\":\"reject\"}");
        assertThat(new Deadline(Duration.ofHours(1), null, null, null, null).onExpire())
                .isEqualTo(Deadline.OnExpire.REJECT);
        assertThat(Deadline.after(Duration.ofHours(1))
                        .onExpire(Deadline.OnExpire.APPROVE)
                        .toJson()
                        .get("onExpire")
                        .asText())
                .isEqualTo("approve");
    }

    @Test
    void anEscalationNamesWhoAndRejectsAtTheSecondExpiryByDefault() {
        Deadline escalating = Deadline.after(Duration.ofMinutes(30)).escalate(Assignees.groups("leads"));

        assertThat(escalating.toJson())
                .hasToString("{\"after\":\"PT30M\",\"onExpire\":\"escalate\","
                        + "\"escalateTo\":{\"assignTo\":[],\"assignToGroups\":[\"leads\"]},\"then\":\"reject\"}");
        assertThatThrownBy(() -> Deadline.after(Duration.ofMinutes(30)).escalate(Assignees.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deadline.after(Duration.ofMinutes(30)).onExpire(Deadline.OnExpire.ESCALATE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Deadline(Duration.ofMinutes(1), Instant.now(), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remindersSpellOutOnlyWhatIsGiven() {
        assertThat(Reminders.once(Duration.ofHours(1)).toJson()).hasToString("{\"after\":\"PT1H\"}");
        assertThat(Reminders.repeating(Duration.ofHours(1), Duration.ofHours(4))
                        .max(3)
                        .toJson())
                .hasToString("{\"after\":\"PT1H\",\"every\":\"PT4H\",\"max\":3}");
    }
}
