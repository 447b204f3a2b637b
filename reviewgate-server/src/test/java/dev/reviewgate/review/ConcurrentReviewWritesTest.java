package dev.reviewgate.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Concurrent creates at one run address and concurrent identical edits: one winner, the rest its answer. */
class ConcurrentReviewWritesTest extends ApiTest {

    private static final int CALLERS = 16;

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.invoiceForm());
    }

    @Test
    void ofConcurrentCreatesAtOneRunAddressExactlyOneOpensAReview() {
        List<Api.Response> responses = Concurrently.run(
                CALLERS,
                i -> api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "invoice-extract",
                                "runId",
                                "run_race",
                                "blockId",
                                "block_race",
                                "fields",
                                Map.of("total_amount", 100 + i, "vendor_name", "Acme"))));

        assertThat(responses).extracting(Api.Response::status).allMatch(s -> s == 201 || s == 409);
        List<Api.Response> created =
                responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(1);
        String winner = created.get(0).body().get("reviewId").asText();
        assertThat(responses)
                .filteredOn(r -> r.status() == 409)
                .allMatch(r -> r.body().get("reviewId").asText().equals(winner));
        assertThat(rows("SELECT COUNT(*) FROM reviews WHERE run_id = 'run_race'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentIdenticalEditsAddOneVersion() {
        Api.Response review = api.post(
                "/v1/reviews",
                Map.of("formId", "invoice-extract", "fields", Map.of("total_amount", 352, "vendor_name", "Acme")));
        String reviewId = review.body().get("reviewId").asText();
        Map<String, Object> edit = Map.of(
                "parentId",
                review.body().get("versionId").asText(),
                "snapshot",
                Map.of("total_amount", 325, "vendor_name", "Acme"));

        List<Api.Response> responses =
                Concurrently.run(CALLERS, i -> api.post("/v1/reviews/" + reviewId + "/versions", edit));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses)
                .filteredOn(r -> r.status() == 200)
                .hasSize(CALLERS - 1)
                .allMatch(r -> !r.body().get("created").asBoolean());
        assertThat(rows("SELECT COUNT(*) FROM versions WHERE review_id = '" + reviewId + "'"))
                .isEqualTo(2);
        assertThat(rows("SELECT COUNT(*) FROM events WHERE review_id = '" + reviewId + "' AND type = 'review.edited'"))
                .isEqualTo(1);
    }

    private long rows(String sql) {
        return server.app()
                .database()
                .read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
