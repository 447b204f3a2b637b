package dev.reviewgate.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Of any number of concurrent requests with one key, exactly one runs; the rest replay its answer or wait. */
class ConcurrentIdempotencyTest extends ApiTest {

    private static final int CALLERS = 16;

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void sixteenConcurrentCreatesWithOneKeyMakeOneReview() {
        Map<String, Object> body = Map.of(
                "formId",
                "blog-review",
                "title",
                "concurrent-idem",
                "fields",
                Fixtures.blogFields("Once only", "https://cdn.example.com/a.jpg"));

        List<Api.Response> responses =
                Concurrently.run(CALLERS, i -> api.post("/v1/reviews", body, Map.of("Idempotency-Key", "one-key-16")));

        assertThat(responses).extracting(Api.Response::status).allMatch(s -> s == 201 || s == 409);
        Set<String> reviewIds = responses.stream()
                .filter(r -> r.status() == 201)
                .map(r -> r.body().get("reviewId").asText())
                .collect(Collectors.toSet());
        assertThat(reviewIds).hasSize(1);
        assertThat(rows("SELECT COUNT(*) FROM reviews WHERE title = 'concurrent-idem'"))
                .isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM events WHERE type = 'review.created' AND review_id = '"
                        + reviewIds.iterator().next() + "'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentDecisionsWithOneKeyAnswerAlikeAndDecideOnce() {
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "blog-review",
                        "fields",
                        Fixtures.blogFields("Decide once", "https://cdn.example.com/a.jpg")));
        String reviewId = created.body().get("reviewId").asText();
        Map<String, Object> approve =
                Map.of("versionId", created.body().get("versionId").asText());

        List<Api.Response> responses = Concurrently.run(
                CALLERS,
                i -> api.post(
                        "/v1/reviews/" + reviewId + "/approve",
                        approve,
                        Map.of("Idempotency-Key", "approve-" + reviewId)));

        List<Api.Response> answered =
                responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(responses).extracting(Api.Response::status).allMatch(s -> s == 200 || s == 409);
        assertThat(answered).isNotEmpty();
        // Every answer is the one the single run produced: "applied", never "already_applied".
        assertThat(answered)
                .allMatch(r -> r.body().get("submissionStatus").asText().equals("applied"));
        assertThat(rows("SELECT COUNT(*) FROM events WHERE review_id = '" + reviewId
                        + "' AND type = 'review.approved'"))
                .isEqualTo(1);
    }

    private long rows(String sql) {
        return server.app()
                .database()
                .read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void concurrentRetriesTakeOverAnAbandonedKeyOnce() {
        Map<String, Object> body = Map.of(
                "formId",
                "blog-review",
                "title",
                "abandoned-idem",
                "fields",
                Fixtures.blogFields("After a crash", "https://cdn.example.com/a.jpg"));
        String hash = CanonicalJson.sha256Hex("POST /v1/reviews\n" + Json.write(body));
        long twoMinutesAgo = System.currentTimeMillis() - 120_000;
        server.app()
                .database()
                .write(h -> h.createUpdate("""
                        INSERT INTO idempotency_keys (account_id, idem_key, request_hash, holder, created_at)
                        SELECT id, 'crashed-key', :hash, 'crashed-holder', :at FROM accounts""")
                        .bind("hash", hash)
                        .bind("at", twoMinutesAgo)
                        .execute());

        List<Api.Response> responses =
                Concurrently.run(8, i -> api.post("/v1/reviews", body, Map.of("Idempotency-Key", "crashed-key")));

        assertThat(responses).extracting(Api.Response::status).allMatch(s -> s == 201 || s == 409);
        assertThat(rows("SELECT COUNT(*) FROM reviews WHERE title = 'abandoned-idem'"))
                .isEqualTo(1);
    }
}
