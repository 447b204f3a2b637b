package dev.reviewgate.timer;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code onExpire: escalate}: the assignees added, the deadline moved, then the {@code then} action.
 */
class DeadlineEscalationApiTest extends DeadlineApiTest {

    @Test
    void escalationAddsTheAssigneesAndMovesTheDeadlineThenRejects() {
        String id = fx.create(
                "'deadline':{'after':'PT1H','onExpire':'escalate','escalateTo':{'assignTo':['admin@example.com']}}");

        fx.pass(HOUR.plus(SECOND));
        JsonNode escalated = fx.await(id, r -> r.get("escalations").size() == 1);

        assertThat(escalated.get("status").asText()).isEqualTo("pending");
        assertThat(escalated.get("assignedTo")).isEqualTo(json("['admin@example.com']"));
        Instant newDue = Instant.parse(escalated.get("dueAt").asText());
        assertThat(newDue)
                .isEqualTo(Instant.parse(escalated.at("/escalations/0/dueAt").asText()));
        assertThat(newDue).isAfterOrEqualTo(clock.instant().plus(HOUR).minusSeconds(2));
        assertThat(fx.eventNames(id)).containsExactly("review.created", "review.escalated");

        fx.pass(HOUR.plus(SECOND));
        JsonNode decided = fx.awaitDecision(id);

        assertThat(decided.get("status").asText()).isEqualTo("rejected");
        assertThat(decided.at("/decision/reason").asText())
                .isEqualTo("expired: no decision by " + escalated.get("dueAt").asText());
        assertThat(fx.eventNames(id))
                .containsExactly("review.created", "review.escalated", "review.expired", "review.rejected");
    }

    @Test
    void afterAnEscalationThenApproveApproves() {
        String id = fx.create("'deadline':{'after':'PT1H','onExpire':'escalate',"
                + "'escalateTo':{'assignTo':['admin@example.com']},'then':'approve'}");

        fx.pass(HOUR.plus(SECOND));
        fx.await(id, r -> r.get("escalations").size() == 1);
        fx.pass(HOUR.plus(SECOND));

        assertThat(fx.awaitDecision(id).get("status").asText()).isEqualTo("approved");
    }
}
