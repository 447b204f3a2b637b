package dev.reviewgate.review;

import static dev.reviewgate.review.RetabLoop.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The Retab queue over HTTP: reviews waiting at a workflow's gates, oldest first, paged by a
 * cursor the server issued. Every test queues reviews of its own (see {@link RetabLoop}).
 */
class RetabQueueTest extends ApiTest {

    private RetabLoop loop;

    @Override
    protected void setUp() {
        loop = new RetabLoop(api);
    }

    @Test
    void theQueueFiltersByWorkflowOldestFirst() {
        String workflow = loop.queueOfThree();

        JsonNode first =
                api.get("/v1/reviews?workflowId=" + workflow + "&limit=2").body();

        assertThat(first.get("data"))
                .extracting(r -> r.get("runId").asText())
                .containsExactly(workflow + "_q1", workflow + "_q2");
        JsonNode item = first.get("data").get(0);
        assertThat(item.get("blockId").asText()).isEqualTo(BLOCK);
        assertThat(item.get("workflowId").asText()).isEqualTo(workflow);
        assertThat(item.get("awaitingSince").asText()).endsWith("Z");
    }

    @Test
    void theQueuePagesByCursorUntilTheCursorIsNull() {
        String workflow = loop.queueOfThree();
        String cursor = api.get("/v1/reviews?workflowId=" + workflow + "&limit=2")
                .body()
                .get("nextCursor")
                .asText();

        JsonNode second = api.get("/v1/reviews?workflowId=" + workflow + "&limit=2&cursor=" + cursor)
                .body();

        assertThat(second.get("data")).extracting(r -> r.get("runId").asText()).containsExactly(workflow + "_q3");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theDecidedQueueLeavesOutPendingReviews() {
        String workflow = loop.queueOfThree();

        assertThat(api.get("/v1/reviews?workflowId=" + workflow + "&status=decided")
                        .body()
                        .get("data"))
                .isEmpty();
    }

    @Test
    void aQueueLimitOfZeroIs400() {
        assertThat(api.get("/v1/reviews?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aQueueCursorTheServerDidNotIssueIs400() {
        assertThat(api.get("/v1/reviews?cursor=garbage").status()).isEqualTo(400);
    }
}
