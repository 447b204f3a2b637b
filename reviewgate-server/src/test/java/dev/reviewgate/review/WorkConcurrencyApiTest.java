package dev.reviewgate.review;

import static dev.reviewgate.review.WorkFixtures.human;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent {@code POST …/assign}, {@code …/release} and {@code …/deadline} calls on one
 * review: each change runs on the locked review row, so none is lost, every event has its own place
 * in a gap-free sequence, and the review row, its events, its assignee rows and its timer rows agree.
 * The race matters on PostgreSQL; on SQLite the IMMEDIATE transaction serialises writers anyway.
 */
class WorkConcurrencyApiTest extends ApiTest {

    private static final int N = 12;

    private String formId;

    @Override
    protected void setUp() {
        formId = WorkFixtures.form(api, null);
    }

    @Test
    void concurrentAssignAddsKeepEveryAssigneeExactlyOnce() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            emails.add(WorkFixtures.user(api, "reviewer").email());
        }
        String id = WorkFixtures.review(api, formId, null).get("id").asText();

        List<Api.Response> answers = Concurrently.run(
                N, i -> api.post("/v1/reviews/" + id + "/assign", Map.of("assignTo", List.of(emails.get(i)))));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isEqualTo(200));
        JsonNode review = api.get("/v1/reviews/" + id).body();
        assertThat(texts(review.get("assignedTo"))).containsExactlyInAnyOrderElementsOf(emails);
        assertThat(assigneeRows(id)).as("the queue filter's rows").containsExactlyInAnyOrderElementsOf(emails);
        List<JsonNode> events = events(id);
        assertThat(events.stream().map(e -> e.get("event").asText()).toList())
                .containsExactlyElementsOf(names("review.created", N, "review.assigned"));
        assertGapFree(events);
        // Each answer saw every assignment before it: the sizes are 1..N, one each.
        assertThat(answers.stream().map(a -> a.body().get("assignedTo").size()).toList())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, N).mapToObj(Math::toIntExact).toList());
        assertThat(texts(events.get(N).get("assignedTo"))).containsExactlyInAnyOrderElementsOf(emails);
    }

    @Test
    void releasesRacingClaimsLeaveTheStateTheEventsDescribe() {
        String id = WorkFixtures.review(api, formId, null).get("id").asText();
        Map<String, Object> dana = Map.of("author", human("dana"));

        List<Api.Response> answers = Concurrently.run(
                2 * N, i -> api.post("/v1/reviews/" + id + (i % 2 == 0 ? "/claim" : "/release"), dana));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isEqualTo(200));
        List<JsonNode> events = events(id);
        assertGapFree(events);
        List<String> names = events.stream().map(e -> e.get("event").asText()).toList();
        assertThat(names.getFirst()).isEqualTo("review.created");
        List<String> work = names.subList(1, names.size());
        // Every claim is announced (a renewal too); a release only ends a live claim, so it always
        // follows a claim and never another release.
        assertThat(work.stream().filter("review.claimed"::equals).count()).isEqualTo(N);
        assertThat(work).containsOnly("review.claimed", "review.released");
        assertThat(work.getFirst()).isEqualTo("review.claimed");
        for (int i = 1; i < work.size(); i++) {
            assertThat(work.get(i - 1).equals("review.released") && work.get(i).equals("review.released"))
                    .as("two releases in a row at %d: %s", i, work)
                    .isFalse();
        }
        long releasedAnswers =
                answers.stream().filter(a -> a.body().get("claim").isNull()).count();
        assertThat(work.stream().filter("review.released"::equals).count()).isLessThanOrEqualTo(releasedAnswers);
        JsonNode claim = api.get("/v1/reviews/" + id).body().get("claim");
        // Each change stamps updatedAt under the lock, so the latest stamp is the last change answered.
        Instant last = answers.stream()
                .map(a -> Instant.parse(a.body().get("updatedAt").asText()))
                .max(Instant::compareTo)
                .orElseThrow();
        assertThat(answers.stream()
                        .filter(a -> Instant.parse(a.body().get("updatedAt").asText())
                                .equals(last)))
                .as("the last answer and the review agree on the claim")
                .anySatisfy(a -> assertThat(a.body().get("claim").isNull()).isEqualTo(claim.isNull()));
        if (work.getLast().equals("review.claimed")) {
            assertThat(claim.get("by").get("id").asText()).isEqualTo("dana");
        } else {
            assertThat(claim.isNull())
                    .as("released last, so nobody holds it: %s", claim)
                    .isTrue();
        }
    }

    @Test
    void deadlineMovesRacingClaimsKeepTheReviewAndItsTimerInStep() {
        String id = WorkFixtures.review(api, formId, "{'deadline':{'after':'PT1H'}}")
                .get("id")
                .asText();
        Instant base = Instant.now().plus(Duration.ofHours(2));

        List<Api.Response> answers = Concurrently.run(
                2 * N,
                i -> i % 2 == 0
                        ? api.post(
                                "/v1/reviews/" + id + "/deadline",
                                Map.of("at", base.plus(Duration.ofMinutes(i)).toString()))
                        : api.post("/v1/reviews/" + id + "/claim", Map.of("author", human("dana"))));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isEqualTo(200));
        List<String> answeredDueAts = new ArrayList<>();
        for (int i = 0; i < answers.size(); i += 2) {
            answeredDueAts.add(answers.get(i).body().get("dueAt").asText());
        }
        JsonNode review = api.get("/v1/reviews/" + id).body();
        String dueAt = review.get("dueAt").asText();
        assertThat(dueAt).isIn(answeredDueAts);
        assertThat(deadlineTimers(id))
                .as("the timer row fires at the review's dueAt")
                .containsExactly(Instant.parse(dueAt).toEpochMilli());
        // No move wrote back a claim it read before the claim was taken.
        assertThat(review.get("claim").get("by").get("id").asText()).isEqualTo("dana");
        List<JsonNode> events = events(id);
        assertGapFree(events);
        assertThat(events.stream().map(e -> e.get("event").asText()).toList())
                .containsExactlyElementsOf(names("review.created", N, "review.claimed"));
    }

    private static List<String> names(String first, int n, String then) {
        List<String> out = new ArrayList<>(List.of(first));
        for (int i = 0; i < n; i++) {
            out.add(then);
        }
        return out;
    }

    private static void assertGapFree(List<JsonNode> events) {
        assertThat(events.stream().map(e -> e.get("sequence").asLong()).toList())
                .as("event sequences")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, events.size()).boxed().toList());
    }

    private List<JsonNode> events(String id) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/v1/reviews/" + id + "/events").body().get("data").forEach(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private List<String> assigneeRows(String reviewId) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT assignee FROM review_assignees WHERE review_id = :r")
                        .bind("r", reviewId)
                        .mapTo(String.class)
                        .list());
    }

    private List<Long> deadlineTimers(String reviewId) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT due_at FROM timers WHERE review_id = :r AND kind = 'deadline'")
                        .bind("r", reviewId)
                        .mapTo(Long.class)
                        .list());
    }
}
