package dev.reviewgate.review;

import static dev.reviewgate.review.WorkFixtures.ids;
import static dev.reviewgate.review.WorkFixtures.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Priority, {@code sort=createdAt|dueAt|priority} with keyset pages, and {@code overdue=true}. */
class QueueOrderApiTest extends ApiTest {

    private final TestClock clock = new TestClock();

    @Override
    protected InstantSource clock() {
        return clock;
    }

    @BeforeEach
    void realTime() {
        clock.reset();
    }

    /** A review created one millisecond after the previous one, so that creation order is unambiguous. */
    private JsonNode review(String formId, String extra) {
        clock.advance(Duration.ofMillis(1));
        return WorkFixtures.review(api, formId, extra);
    }

    /** Every page of {@code query} with two rows a page, following nextCursor. */
    private List<String> allPages(String query) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(query + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .body();
            out.addAll(ids(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        return out;
    }

    @Test
    void priorityOrdersHighestFirstThenOldestAcrossPages() {
        String formId = WorkFixtures.form(api, null);
        String p10 = review(formId, "{'priority':10}").get("id").asText();
        String p90a = review(formId, "{'priority':90}").get("id").asText();
        clock.advance(Duration.ofMillis(5));
        String normal = review(formId, null).get("id").asText();
        String p90b = review(formId, "{'priority':90}").get("id").asText();
        String p100 = review(formId, "{'priority':100}").get("id").asText();

        assertThat(api.get("/v1/reviews/" + normal).body().get("priority").asInt())
                .isEqualTo(50);
        assertThat(allPages("/v1/reviews?formId=" + formId + "&sort=priority"))
                .containsExactly(p100, p90a, p90b, normal, p10);
    }

    @Test
    void dueAtOrdersSoonestFirstAndReviewsWithoutADeadlineLast() {
        String formId = WorkFixtures.form(api, null);
        String none = review(formId, null).get("id").asText();
        String inTwoHours =
                review(formId, "{'deadline':{'after':'PT2H'}}").get("id").asText();
        String inOneHour =
                review(formId, "{'deadline':{'after':'PT1H'}}").get("id").asText();
        String alsoNone = review(formId, null).get("id").asText();
        String inTenMinutes =
                review(formId, "{'deadline':{'after':'PT10M'}}").get("id").asText();

        assertThat(allPages("/v1/reviews?formId=" + formId + "&sort=dueAt"))
                .containsExactly(inTenMinutes, inOneHour, inTwoHours, none, alsoNone);
        assertThat(allPages("/v1/reviews?formId=" + formId + "&sort=createdAt"))
                .containsExactly(none, inTwoHours, inOneHour, alsoNone, inTenMinutes);
    }

    @Test
    void overdueListsOpenReviewsPastTheirDueTime() {
        String formId = WorkFixtures.form(api, null);
        String soon = review(formId, "{'deadline':{'after':'PT10M'}}").get("id").asText();
        review(formId, "{'deadline':{'after':'PT1H'}}");
        review(formId, null);
        clock.advance(Duration.ofMinutes(11));

        assertThat(ids(api.get("/v1/reviews?formId=" + formId + "&overdue=true").body()))
                .containsExactly(soon);
        JsonNode shown = api.get("/v1/reviews/" + soon).body();
        assertThat(shown.get("dueAt").asText()).isNotEmpty();
    }

    @Test
    void badQueueParametersAre400() {
        String formId = WorkFixtures.form(api, null);
        review(formId, null);
        review(formId, null);
        String priorityCursor = api.get("/v1/reviews?formId=" + formId + "&sort=priority&limit=1")
                .body()
                .get("nextCursor")
                .asText();

        assertThat(api.get("/v1/reviews?sort=urgency").status()).isEqualTo(400);
        assertThat(api.get("/v1/reviews?overdue=yes").status()).isEqualTo(400);
        assertThat(api.get("/v1/reviews?formId=" + formId + "&sort=dueAt&cursor=" + priorityCursor)
                        .status())
                .as("a cursor of another order")
                .isEqualTo(400);
    }

    @Test
    void priorityAndDeadlinesAreCheckedAtCreation() {
        String formId = WorkFixtures.form(api, null);

        for (String bad : List.of("-1", "101", "'high'", "50.5")) {
            Api.Response refused = WorkFixtures.create(api, formId, "{'priority':" + bad + "}");
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(pointers(refused)).containsExactly("/priority");
        }
        assertThat(pointers(WorkFixtures.create(api, formId, "{'deadline':{'at':'2020-01-01T00:00:00Z'}}")))
                .as("a deadline in the past")
                .containsExactly("/deadline/at");
        assertThat(pointers(WorkFixtures.create(api, formId, "{'deadline':{'after':'soon'}}")))
                .containsExactly("/deadline/after");
        assertThat(pointers(WorkFixtures.create(api, formId, "{'deadline':{'after':'PT1H','onExpire':'ignore'}}")))
                .containsExactly("/deadline/onExpire");
        assertThat(pointers(WorkFixtures.create(api, formId, "{'deadline':{'after':'PT1H','onExpire':'escalate'}}")))
                .containsExactly("/deadline/escalateTo");
        assertThat(pointers(WorkFixtures.create(api, formId, "{'remind':{'after':'PT0S'}}")))
                .containsExactly("/remind/after");
        assertThat(pointers(WorkFixtures.create(api, formId, "{'remind':{'after':'PT1M','max':0}}")))
                .containsExactly("/remind/max");
        assertThat(api.get("/v1/reviews?formId=" + formId).body().get("data")).isEmpty();
    }
}
