package dev.reviewgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.RawHttp;
import dev.reviewgate.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input the handlers would misread, or PostgreSQL cannot store, is refused before any route runs:
 * each of these was a 500 (or a 30-second hang) before, on one database or both.
 */
class RequestChecksTest extends ApiTest {

    private String reviewId;

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
        reviewId = api.post("/v1/reviews", Map.of("formId", "blog-review", "fields", Fixtures.blogFields("x")))
                .body()
                .get("reviewId")
                .asText();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json; charset=\"",
                "application/json; charset=utf-99",
                "application/json; charset=utf-16"
            })
    void aCharsetOtherThanUtf8Is415(String contentType) {
        Api.Response response = api.send(
                HttpRequest.newBuilder(api.uri("/v1/reviews"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", contentType),
                Map.of());
        assertProblem(response, 415);
    }

    @Test
    void aWaitWithAnUnreadableCharsetIsRefusedInsteadOfParking() {
        // A wait that parked would answer 200 after its 60 s, not 415.
        Api.Response response = api.send(
                HttpRequest.newBuilder(api.uri("/v1/reviews/" + reviewId + "/wait?timeoutSeconds=60"))
                        .GET()
                        .header("Content-Type", "application/json; charset=\""),
                Map.of());
        assertProblem(response, 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "formId=%00", "runId=a%00b&blockId=b", "assignee=%C0%AF", "workflowId=%ED%A0%80"})
    void anUnreadableQueryIs400(String query) {
        try (RawHttp connection = RawHttp.connect(server)) {
            RawHttp.Response response = connection.exchange(
                    "GET /v1/reviews?" + query + " HTTP/1.1\r\nAuthorization: Bearer " + TestServer.API_KEY,
                    new byte[0]);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aCursorHidingAnythingButAnIdIs400() {
        String forged =
                Base64.getUrlEncoder().withoutPadding().encodeToString("1:a\0b".getBytes(StandardCharsets.UTF_8));
        assertProblem(api.get("/v1/reviews?cursor=" + forged), 400);
        assertProblem(api.get("/v1/reviews/" + reviewId + "/deliveries?cursor=" + forged), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/octet-stream", ""})
    void aNulInASignInFormIs400WhateverItsContentTypeSays(String contentType) {
        try (RawHttp connection = RawHttp.connect(server)) {
            RawHttp.Response response = connection.exchange(
                    "POST /login HTTP/1.1" + (contentType.isEmpty() ? "" : "\r\nContent-Type: " + contentType),
                    "email=a%00b&password=x".getBytes(StandardCharsets.US_ASCII));
            assertThat(response.status()).isEqualTo(400);
        }
    }

    @Test
    void aMultipartBodyWithoutItsBoundaryIs400AndTheConnectionIsKeptOrClosedOpenly() {
        try (RawHttp connection = RawHttp.connect(server)) {
            RawHttp.Response response = connection.exchange(
                    "POST /login HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=x",
                    "{}".getBytes(StandardCharsets.US_ASCII));
            assertThat(response.status()).isEqualTo(400);
            assertKeptOrClosedOpenly(connection, response);
        }
    }

    private static void assertKeptOrClosedOpenly(RawHttp connection, RawHttp.Response response) {
        if ("close".equalsIgnoreCase(response.header("connection"))) {
            assertThat(connection.closedByServer()).isTrue();
        } else {
            assertThat(connection.exchange("GET /healthz HTTP/1.1", new byte[0]).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aNulInAFormFieldIs400() {
        Api.Response response = api.withKey(null)
                .send(
                        HttpRequest.newBuilder(api.uri("/login"))
                                .POST(HttpRequest.BodyPublishers.ofString("email=a%00b&password=x"))
                                .header("Content-Type", "application/x-www-form-urlencoded"),
                        Map.of());
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aNulInAStoredMemberIs422OnEveryDatabase() {
        Api.Response response = api.post(
                "/v1/reviews",
                "{\"formId\":\"blog-review\",\"runId\":\"a\\u0000b\",\"blockId\":\"b\","
                        + "\"fields\":{\"blog\":\"x\",\"imageOptions\":[]}}");
        assertProblem(response, 422);
        assertThat(response.body().at("/errors/0/pointer").asText()).isEqualTo("/runId");
    }

    @Test
    void anHttpVersionOtherThan1Is400() {
        for (String line : new String[] {"GET /healthz HTTP/9.9", "GET /healthz"}) {
            try (RawHttp connection = RawHttp.connect(server)) {
                RawHttp.Response response = connection.exchange(line, new byte[0]);
                assertThat(response.status()).as(line).isEqualTo(400);
            }
        }
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
