package dev.reviewgate.timer;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reminders: every interval up to {@code max}, a single one, and one skipped while the review waits
 * for the agent.
 */
class DeadlineRemindersApiTest extends DeadlineApiTest {

    @Test
    void remindersGoOutEveryIntervalUpToMax() {
        String id = fx.create("'deadline':{'after':'P1D'},'remind':{'after':'PT10M','every':'PT10M','max':2}");

        fx.pass(Duration.ofMinutes(10).plus(SECOND));
        fx.await(id, r -> r.get("remindersSent").asInt() == 1);
        fx.pass(Duration.ofMinutes(10));
        fx.await(id, r -> r.get("remindersSent").asInt() == 2);
        fx.pass(Duration.ofMinutes(10));
        DeadlineFixture.pause(600);

        assertThat(fx.review(id).get("remindersSent").asInt()).isEqualTo(2);
        assertThat(timerKinds(id)).containsExactly("deadline");
        List<JsonNode> events = fx.events(id);
        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.reminder", "review.reminder");
        assertThat(events.get(1).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void aSingleReminderWithoutEveryGoesOutOnce() {
        String id = fx.create("'remind':{'after':'PT5M'}");

        fx.pass(Duration.ofMinutes(5).plus(SECOND));
        fx.await(id, r -> r.get("remindersSent").asInt() == 1);

        assertThat(timerKinds(id)).isEmpty();
        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.reminder");
    }

    @Test
    void aReminderWhileWaitingForTheAgentIsSkippedWithoutAnEvent() {
        String id = fx.create("'remind':{'after':'PT10M'}");
        api.post(
                "/v1/reviews/" + id + "/instructions",
                json("{'fields':{'blog':{'type':'textInstruction','text':'x'}}}"));

        fx.pass(Duration.ofMinutes(10).plus(SECOND));
        fx.await(id, r -> r.get("remindersSent").asInt() == 1);

        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.instructions");
    }
}
