package dev.reviewgate.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final long CREATED = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

    private static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }

    private static List<String> problems(String text, boolean allowAt) {
        List<Violation> out = new ArrayList<>();
        Deadline.parse(json(text), "/deadline", allowAt, out);
        return out.stream().map(Violation::pointer).toList();
    }

    @Test
    void rejectIsTheDefaultAndApproveIsOnlyEverExplicit() {
        List<Violation> out = new ArrayList<>();
        Deadline d = Deadline.parse(json("{'after':'PT1H'}"), "/deadline", true, out);

        assertThat(out).isEmpty();
        assertThat(d.onExpire()).isEqualTo(OnExpire.REJECT);
        assertThat(d.then()).isEqualTo(OnExpire.REJECT);
        assertThat(d.dueAt(CREATED)).isEqualTo(CREATED + 3_600_000);
        assertThat(Deadline.fromJson(d.toJson())).isEqualTo(d);
        Deadline escalating = Deadline.parse(
                json("{'after':'PT1H','onExpire':'escalate','escalateTo':{'assignToGroups':['ops']}}"),
                "/deadline",
                true,
                out);
        assertThat(escalating.then()).as("after an escalation, still reject").isEqualTo(OnExpire.REJECT);
        assertThat(Deadline.fromJson(escalating.toJson())).isEqualTo(escalating);
    }

    @Test
    void anAbsoluteTimeIsDueThenAndEscalatesByTheSpanItFirstGave() {
        List<Violation> out = new ArrayList<>();
        Deadline d = Deadline.parse(json("{'at':'2026-12-01T12:00:00+01:00'}"), "/deadline", true, out);

        assertThat(d.dueAt(CREATED)).isEqualTo(CREATED + 3_600_000);
        assertThat(d.escalationSpan(CREATED)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyMistakeIsNamedByItsPointer() {
        assertThat(problems("{}", true)).containsExactly("/deadline");
        assertThat(problems("{'after':'PT1H','at':'2026-12-01T12:00:00Z'}", true))
                .containsExactly("/deadline");
        assertThat(problems("{'after':'1 hour'}", true)).containsExactly("/deadline/after");
        assertThat(problems("{'after':'-PT1H'}", true)).containsExactly("/deadline/after");
        assertThat(problems("{'after':'P400D'}", true)).containsExactly("/deadline/after");
        assertThat(problems("{'at':'tomorrow'}", true)).containsExactly("/deadline/at");
        assertThat(problems("{'at':'2026-12-01T12:00:00Z'}", false)).containsExactly("/deadline/at");
        assertThat(problems("{'after':'PT1H','onExpire':'approve','then':'approve'}", true))
                .containsExactly("/deadline/onExpire");
        assertThat(problems(
                        "{'after':'PT1H','onExpire':'escalate','escalateTo':{'assignTo':['a@example.com']},"
                                + "'then':'escalate'}",
                        true))
                .containsExactly("/deadline/then");
        assertThat(problems("{'after':'PT1H','when':'now'}", true)).containsExactly("/deadline/when");
    }

    @Test
    void remindersComeAfterThenEveryUpToMax() {
        List<Violation> out = new ArrayList<>();
        Reminders once = Reminders.parse(json("{'after':'PT10M'}"), "/remind", out);
        Reminders repeating = Reminders.parse(json("{'after':'PT10M','every':'PT5M','max':3}"), "/remind", out);

        assertThat(out).isEmpty();
        assertThat(once.nextAt(CREATED, 0)).hasValue(CREATED + 600_000);
        assertThat(once.nextAt(CREATED, 1)).isEmpty();
        assertThat(repeating.nextAt(CREATED, 1)).hasValue(CREATED + 900_000);
        assertThat(repeating.nextAt(CREATED, 2)).hasValue(CREATED + 1_200_000);
        assertThat(repeating.nextAt(CREATED, 3)).isEmpty();
        assertThat(Reminders.parse(json("{'after':'PT10M','every':'PT5M'}"), "/remind", out)
                        .max())
                .isEqualTo(10);
        assertThat(Reminders.fromJson(repeating.toJson())).isEqualTo(repeating);
    }
}
