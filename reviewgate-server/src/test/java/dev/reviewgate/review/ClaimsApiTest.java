package dev.reviewgate.review;

import static dev.reviewgate.review.WorkFixtures.eventNames;
import static dev.reviewgate.review.WorkFixtures.human;
import static dev.reviewgate.review.WorkFixtures.ids;
import static dev.reviewgate.review.WorkFixtures.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST …/claim} and {@code …/release}: leases, renewal, one holder under any race, events. */
class ClaimsApiTest extends ApiTest {

    private final TestClock clock = new TestClock();
    private String formId;

    @Override
    protected InstantSource clock() {
        return clock;
    }

    @Override
    protected void setUp() {
        formId = WorkFixtures.form(api, null);
    }

    @BeforeEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aClaimIsALeaseTheSameActorRenewsAndAnotherGets409WithTheClaim() {
        String id = WorkFixtures.review(api, formId, null).get("id").asText();

        Api.Response first = api.post("/v1/reviews/" + id + "/claim", Map.of("author", human("ann"), "ttlSeconds", 60));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        JsonNode claim = first.body().get("claim");
        assertThat(claim.get("by").get("id").asText()).isEqualTo("ann");
        assertThat(claim.get("via").asText()).isEqualTo("api");
        assertThat(Duration.between(
                        Instant.parse(claim.get("claimedAt").asText()),
                        Instant.parse(claim.get("expiresAt").asText())))
                .isEqualTo(Duration.ofSeconds(60));

        clock.advance(Duration.ofSeconds(30));
        JsonNode renewed = api.post("/v1/reviews/" + id + "/claim", Map.of("author", human("ann"), "ttlSeconds", 60))
                .body()
                .get("claim");
        assertThat(renewed.get("claimedAt").asText())
                .isEqualTo(claim.get("claimedAt").asText());
        assertThat(Instant.parse(renewed.get("expiresAt").asText()))
                .isEqualTo(Instant.parse(claim.get("expiresAt").asText()).plusSeconds(30));

        Api.Response other = api.post("/v1/reviews/" + id + "/claim", Map.of("author", human("bob")));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().get("claim").get("by").get("id").asText()).isEqualTo("ann");
        assertThat(other.body().get("detail").asText()).contains("Person ann");
    }

    @Test
    void anExpiredClaimCountsAsNone() {
        String id = WorkFixtures.review(api, formId, null).get("id").asText();
        api.post("/v1/reviews/" + id + "/claim", Map.of("author", human("ann"), "ttlSeconds", 60));

        clock.advance(Duration.ofSeconds(61));

        assertThat(api.get("/v1/reviews/" + id).body().get("claim").isNull()).isTrue();
        Api.Response taken = api.post("/v1/reviews/" + id + "/claim", Map.of("author", human("bob")));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body().get("claim").get("by").get("id").asText()).isEqualTo("bob");
        assertThat(Duration.between(
                        Instant.parse(taken.body().get("claim").get("claimedAt").asText()),
                        Instant.parse(taken.body().get("claim").get("expiresAt").asText())))
                .as("the default lease")
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void releaseClearsTheClaimAndEachChangeIsAnEvent() {
        String id = WorkFixtures.review(api, formId, null).get("id").asText();
        api.post("/v1/reviews/" + id + "/claim", Map.of("author", human("ann")));

        Api.Response released = api.post("/v1/reviews/" + id + "/release", Map.of("author", human("ann")));

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("claim").isNull()).isTrue();
        assertThat(eventNames(api, id)).containsExactly("review.created", "review.claimed", "review.released");
        JsonNode events = api.get("/v1/reviews/" + id + "/events").body().get("data");
        assertThat(events.get(1).get("via").asText()).isEqualTo("api");
        assertThat(events.get(1).get("claim").get("by").get("id").asText()).isEqualTo("ann");
        assertThat(events.get(2).get("sequence").asLong()).isEqualTo(3);
        // Releasing again, with no live claim, changes nothing.
        assertThat(api.post("/v1/reviews/" + id + "/release", Map.of()).status())
                .isEqualTo(200);
        assertThat(eventNames(api, id)).hasSize(3);
    }

    @Test
    void theQueueFiltersByTheLiveClaimHolder() {
        String held = WorkFixtures.review(api, formId, null).get("id").asText();
        String lapsed = WorkFixtures.review(api, formId, null).get("id").asText();
        String holder = WorkFixtures.unique("holder");
        api.post("/v1/reviews/" + lapsed + "/claim", Map.of("author", human(holder), "ttlSeconds", 10));
        clock.advance(Duration.ofSeconds(11));
        api.post("/v1/reviews/" + held + "/claim", Map.of("author", human(holder)));

        assertThat(ids(api.get("/v1/reviews?claimedBy=" + holder).body())).containsExactly(held);
    }

    @Test
    void aClaimRaceHasExactlyOneHolder() {
        String id = WorkFixtures.review(api, formId, null).get("id").asText();

        List<Api.Response> answers = Concurrently.run(
                16, i -> api.post("/v1/reviews/" + id + "/claim", Map.of("author", human("racer-" + i))));

        assertThat(answers).extracting(Api.Response::status).containsOnly(200, 409);
        List<Api.Response> won = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(won).hasSize(1);
        String winner = won.get(0).body().get("claim").get("by").get("id").asText();
        assertThat(answers.stream().filter(a -> a.status() == 409))
                .allSatisfy(a -> assertThat(
                                a.body().get("claim").get("by").get("id").asText())
                        .isEqualTo(winner));
        assertThat(api.get("/v1/reviews/" + id)
                        .body()
                        .get("claim")
                        .get("by")
                        .get("id")
                        .asText())
                .isEqualTo(winner);
        assertThat(eventNames(api, id)).containsExactly("review.created", "review.claimed");
    }

    @Test
    void badClaimsAre422AndWriteNothing() {
        String id = WorkFixtures.review(api, formId, null).get("id").asText();

        for (Object ttl : List.of(0, 86_401, "60", 1.5)) {
            Api.Response bad = api.post("/v1/reviews/" + id + "/claim", Map.of("ttlSeconds", ttl));
            assertThat(bad.status()).as("ttl %s", ttl).isEqualTo(422);
            assertThat(pointers(bad)).containsExactly("/ttlSeconds");
        }
        assertThat(api.post("/v1/reviews/" + id + "/claim", Map.of("author", Map.of("kind", "robot")))
                        .status())
                .isEqualTo(422);
        assertThat(eventNames(api, id)).containsExactly("review.created");
    }

    @Test
    void aDecidedReviewCannotBeClaimedAndAnotherAccountsIs404() {
        JsonNode review = WorkFixtures.review(api, formId, null);
        String id = review.get("id").asText();
        api.post(
                "/v1/reviews/" + id + "/approve",
                Map.of("versionId", review.get("headVersionId").asText()));

        assertThat(api.post("/v1/reviews/" + id + "/claim", Map.of()).status()).isEqualTo(409);
        assertThat(server.otherAccountApi()
                        .post("/v1/reviews/" + id + "/claim", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(server.otherAccountApi()
                        .post("/v1/reviews/" + id + "/release", Map.of())
                        .status())
                .isEqualTo(404);
    }
}
