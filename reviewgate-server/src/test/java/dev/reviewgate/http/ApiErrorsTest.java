package dev.reviewgate.http;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is answered as problem+json with the spec's codes, and changes no row. */
class ApiErrorsTest extends ApiTest {

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(api.post("/v1/reviews", "{\"formId\": "), 400);
    }

    @Test
    void anotherMediaTypeIs415() {
        Api.Response response = api.send(
                HttpRequest.newBuilder(api.uri("/v1/reviews"))
                        .POST(HttpRequest.BodyPublishers.ofString("formId=x"))
                        .header("Content-Type", "text/plain"),
                Map.of());
        assertProblem(response, 415);
    }

    @Test
    void missingAndWrongKeysAre401() {
        assertProblem(api.withKey(null).get("/v1/reviews"), 401);
        assertProblem(api.withKey("rg_not_a_real_key_at_all_0000").get("/v1/reviews"), 401);
    }

    @Test
    void theXApiKeyHeaderAuthenticatesToo() {
        Api.Response response = api.withKey(null)
                .send(HttpRequest.newBuilder(api.uri("/v1/forms")).GET(), Map.of("x-api-key", TestServer.API_KEY));
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        assertProblem(api.get("/v1/nothing-here"), 404);
        assertProblem(api.put("/v1/reviews", Map.of()), 405);
    }

    @Test
    void unknownMembersOfTheRequestAre422() {
        Api.Response response = api.post("/v1/reviews", json("{'formId':'blog-review','fields':{},'colour':'red'}"));
        assertProblem(response, 422);
        assertThat(response.body().at("/errors/0/pointer").asText()).isEqualTo("/colour");
    }

    @Test
    void unknownFieldsMissingFieldsAndWrongTypesAre422WithAPointerEach() {
        long before = reviewRows();
        Api.Response response =
                api.post("/v1/reviews", json("{'formId':'blog-review','fields':{'imageOptions':42,'extra':'x'}}"));
        assertProblem(response, 422);
        assertThat(response.body().get("errors"))
                .extracting(e -> e.get("pointer").asText())
                .contains("/fields/blog", "/fields/imageOptions", "/fields/extra");
        assertThat(reviewRows()).isEqualTo(before);
    }

    @Test
    void numbersCanonicalJsonCannotHoldAre422() {
        Api.Response response = api.post(
                "/v1/reviews",
                "{\"formId\":\"blog-review\",\"fields\":{\"blog\":\"x\",\"imageOptions\":[],\"n\":[9007199254740993]}}");
        assertProblem(response, 422);
        assertThat(response.body().get("errors"))
                .extracting(e -> e.get("pointer").asText())
                .contains("/fields/n/0");
    }

    @Test
    void loneSurrogatesAnywhereAre422WithAPointerAndStoreNothing() {
        long before = reviewRows();
        for (String surrogate : new String[] {"\\ud800", "\\udc00", "\\udc00\\ud800"}) {
            Api.Response response = api.post(
                    "/v1/reviews",
                    "{\"formId\":\"blog-review\",\"fields\":{\"blog\":\"a" + surrogate
                            + "b\",\"imageOptions\":[]},\"meta\":{\"k" + surrogate + "\":1}}");
            assertProblem(response, 422);
            assertThat(response.body().get("errors"))
                    .extracting(e -> e.get("pointer").asText())
                    .containsExactly("/fields/blog", "/meta");
        }
        assertThat(reviewRows()).isEqualTo(before);
    }

    @Test
    void aBodyWithTwoValuesIs400InOurOwnWords() {
        Api.Response response = api.post("/v1/reviews", "{} {}");
        assertProblem(response, 400);
        assertThat(response.body().get("detail").asText())
                .isEqualTo("The body must be a single JSON value; found more after it at line 1, column 4.");
    }

    @Test
    void anotherAccountsReviewIs404() {
        String reviewId = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "blog-review",
                                "fields",
                                Fixtures.blogFields("Mine", "https://cdn.example.com/a.jpg")))
                .body()
                .get("reviewId")
                .asText();
        Api.Response response = server.otherAccountApi().get("/v1/reviews/" + reviewId);
        assertProblem(response, 404);
        assertProblem(server.otherAccountApi().get("/v1/forms/blog-review"), 404);
    }

    @Test
    void aRefusedDecisionWritesNothing() {
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "blog-review",
                        "fields",
                        Fixtures.blogFields("Keep", "https://cdn.example.com/a.jpg")));
        String reviewId = created.body().get("reviewId").asText();
        long events = count("events");
        long decisions = count("decisions");
        assertProblem(api.post("/v1/reviews/" + reviewId + "/reject", Map.of("versionId", "f".repeat(64))), 422);
        assertThat(count("decisions")).isEqualTo(decisions);
        assertThat(count("events")).isEqualTo(events);
    }

    private long reviewRows() {
        return count("reviews");
    }

    private long count(String table) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().get("type").asText()).startsWith("urn:reviewgate:problem:");
    }
}
