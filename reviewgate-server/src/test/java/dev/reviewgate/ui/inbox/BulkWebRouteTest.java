package dev.reviewgate.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inbox's bulk route over plain HTTP: it decides exactly the posted (review, version) pairs
 * once the count is confirmed, and refuses another site's post, an unconfirmed one, and a list over 200.
 */
class BulkWebRouteTest extends ApiTest {

    private WebClient web;

    @Override
    protected void setUp() {
        api.put(
                "/v1/forms/bulk-web",
                Map.of("name", "Bulk web", "blockType", "classifier", "categories", List.of("a", "b")));
        web = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);
    }

    @Test
    void aConfirmedPostDecidesEachPairAsTheSignedInReviewerViaWeb() {
        JsonNode one = newReview();
        JsonNode two = newReview();
        HttpResponse<String> page = web.post("/inbox/decide", fields("approve", "2", null, item(one), item(two)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2 of 2 done").contains("approved");
        for (JsonNode created : List.of(one, two)) {
            JsonNode decision = review(created).get("decision");
            assertThat(decision.get("verdict").asText()).isEqualTo("approved");
            assertThat(decision.get("via").asText()).isEqualTo("web");
            assertThat(decision.get("versionId").asText())
                    .isEqualTo(created.get("versionId").asText());
            assertThat(decision.at("/decidedBy/kind").asText()).isEqualTo("human");
        }
    }

    @Test
    void withoutTheConfirmedCountItAsksFirstAndDecidesNothing() {
        JsonNode one = newReview();
        JsonNode two = newReview();
        HttpResponse<String> page = web.post("/inbox/decide", fields("reject", "1", "not these", item(one), item(two)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Reject 2 reviews?");
        assertThat(review(one).get("status").asText()).isEqualTo("pending");
        assertThat(review(two).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void anotherSitesPostIsRefusedEvenWithTheToken() {
        JsonNode one = newReview();
        for (String site : List.of("cross-site", "same-site")) {
            HttpResponse<String> refused = web.postFrom(
                    "https://evil.example", site, "/inbox/decide", fields("approve", "1", null, item(one)));
            assertThat(refused.statusCode()).isEqualTo(403);
        }
        assertThat(review(one).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void moreThan200ItemsAreRefusedWithAMessageAndNothingIsDecided() {
        JsonNode real = newReview();
        List<String> items = new ArrayList<>();
        items.add(item(real));
        for (int i = 0; i < 200; i++) {
            items.add("rev_missing_" + i + ":" + real.get("versionId").asText());
        }
        HttpResponse<String> refused =
                web.post("/inbox/decide", fields("approve", "201", null, items.toArray(String[]::new)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Nothing was decided")
                .contains("/items")
                .contains("200");
        assertThat(review(real).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        JsonNode one = newReview();
        HttpResponse<String> refused = web.post("/inbox/decide", fields("reject", "1", " ", item(one)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("/reason");
        assertThat(review(one).get("status").asText()).isEqualTo("pending");
    }

    private JsonNode newReview() {
        return api.post("/v1/reviews", Map.of("formId", "bulk-web", "fields", Map.of("category", "a")))
                .body();
    }

    private JsonNode review(JsonNode created) {
        return api.get("/v1/reviews/" + created.get("reviewId").asText()).body();
    }

    private static String item(JsonNode created) {
        return created.get("reviewId").asText() + ":" + created.get("versionId").asText();
    }

    private static List<Map.Entry<String, String>> fields(
            String action, String confirmed, String reason, String... items) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("action", action));
        out.add(Map.entry("confirmed", confirmed));
        if (reason != null) {
            out.add(Map.entry("reason", reason));
        }
        for (String item : items) {
            out.add(Map.entry("item", item));
        }
        return out;
    }
}
