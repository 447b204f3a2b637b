package dev.reviewgate.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rule 8 under load: of 50 concurrent approve/reject calls exactly one is applied, and one decision row exists. */
class ConcurrentDecisionTest extends ApiTest {

    private static final int CALLERS = 50;

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void exactlyOneOfFiftyConcurrentDecisionsWins() throws Exception {
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "blog-review",
                        "fields",
                        Fixtures.blogFields("Race me", "https://cdn.example.com/a.jpg")));
        String reviewId = created.body().get("reviewId").asText();
        String versionId = created.body().get("versionId").asText();

        List<Api.Response> responses = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(CALLERS)) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                boolean approve = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    return approve
                            ? api.post("/v1/reviews/" + reviewId + "/approve", Map.of("versionId", versionId))
                            : api.post(
                                    "/v1/reviews/" + reviewId + "/reject",
                                    Map.of("versionId", versionId, "reason", "no"));
                }));
            }
            start.countDown();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
        }

        long applied = responses.stream()
                .filter(r -> r.status() == 200
                        && r.body().get("submissionStatus").asText().equals("applied"))
                .count();
        long repeated = responses.stream()
                .filter(r -> r.status() == 200
                        && r.body().get("submissionStatus").asText().equals("already_applied"))
                .count();
        long conflicts = responses.stream().filter(r -> r.status() == 409).count();
        assertThat(applied).isEqualTo(1);
        assertThat(applied + repeated + conflicts).isEqualTo(CALLERS);
        assertThat(rows("SELECT COUNT(*) FROM decisions WHERE review_id = '" + reviewId + "'"))
                .isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM events WHERE review_id = '" + reviewId
                        + "' AND type IN ('review.approved', 'review.rejected')"))
                .isEqualTo(1);
    }

    private long rows(String sql) {
        return server.app()
                .database()
                .read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
