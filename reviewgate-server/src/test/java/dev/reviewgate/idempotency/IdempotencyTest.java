package dev.reviewgate.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same key and body → the stored response; same key, other body → 422. */
class IdempotencyTest extends ApiTest {

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void aRetriedCreateReturnsTheFirstResponseAndCreatesOneReview() {
        Map<String, Object> body = Map.of(
                "formId",
                "blog-review",
                "title",
                "idem",
                "fields",
                Fixtures.blogFields("Once", "https://cdn.example.com/a.jpg"));
        Api.Response first = api.post("/v1/reviews", body, Map.of("Idempotency-Key", "create-1"));
        Api.Response second = api.post("/v1/reviews", body, Map.of("Idempotency-Key", "create-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        long reviews = server.app()
                .database()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM reviews WHERE title = 'idem'")
                        .mapTo(Long.class)
                        .one());
        assertThat(reviews).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        api.post(
                "/v1/reviews",
                Map.of("formId", "blog-review", "fields", Fixtures.blogFields("A", "https://cdn.example.com/a.jpg")),
                Map.of("Idempotency-Key", "k-2"));
        Api.Response other = api.post(
                "/v1/reviews",
                Map.of("formId", "blog-review", "fields", Fixtures.blogFields("B", "https://cdn.example.com/a.jpg")),
                Map.of("Idempotency-Key", "k-2"));
        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningIs409() {
        var created = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "blog-review",
                                "fields",
                                Fixtures.blogFields("Wait", "https://cdn.example.com/a.jpg")))
                .body();
        String waitPath = "/v1/reviews/" + created.get("reviewId").asText() + "/approve";
        Map<String, Object> body = Map.of("versionId", created.get("versionId").asText());
        String hash = CanonicalJson.sha256Hex("POST " + waitPath + "\n" + Json.write(body));
        long now = System.currentTimeMillis();
        server.app()
                .database()
                .write(h -> h.createUpdate("""
                        INSERT INTO idempotency_keys (account_id, idem_key, request_hash, created_at)
                        SELECT account_id, 'in-flight', :hash, :now FROM reviews WHERE id = :id""")
                        .bind("hash", hash)
                        .bind("now", now)
                        .bind("id", created.get("reviewId").asText())
                        .execute());
        Api.Response busy = api.post(waitPath, body, Map.of("Idempotency-Key", "in-flight"));
        assertThat(busy.status()).isEqualTo(409);
        assertThat(api.get("/v1/reviews/" + created.get("reviewId").asText())
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("pending");
    }

    @Test
    void aStoredErrorIsReplayedToo() {
        Map<String, Object> bad = Map.of("formId", "no-such-form", "fields", Map.of());
        Api.Response first = api.post("/v1/reviews", bad, Map.of("Idempotency-Key", "k-3"));
        Api.Response second = api.post("/v1/reviews", bad, Map.of("Idempotency-Key", "k-3"));
        assertThat(first.status()).isEqualTo(422);
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.body()).isEqualTo(first.body());
    }
}
