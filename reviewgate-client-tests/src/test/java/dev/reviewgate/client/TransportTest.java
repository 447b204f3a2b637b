package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Configuration, authentication, and what the SDK does when answers go wrong: which errors are
 * retried, how Retry-After is honoured, and that a retried create makes exactly one review.
 */
class TransportTest {

    private static final Map<String, String> PROBLEM = Map.of("Content-Type", "application/problem+json");

    @Test
    void theApiKeyDefaultsToTheEnvironment() {
        // surefire sets REVIEWGATE_API_KEY to the test server's key
        try (Reviewgate rg = Reviewgate.builder().baseUrl(LiveServer.baseUrl()).build()) {
            assertThat(rg.forms()
                            .get(LiveServer.newBlogForm(LiveServer.client()))
                            .revision())
                    .isEqualTo(1);
        }
    }

    @Test
    void aMissingBaseUrlIsAClearError() {
        // surefire sets REVIEWGATE_BASE_URL empty
        assertThatThrownBy(() -> Reviewgate.builder().apiKey("k").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REVIEWGATE_BASE_URL");
        assertThatThrownBy(() ->
                        Reviewgate.builder().baseUrl("ftp://x").apiKey("k").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("http");
        assertThatThrownBy(() -> Reviewgate.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reviewgate.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrongKeyIsAnAuthenticationException() {
        try (Reviewgate rg = Reviewgate.builder()
                .baseUrl(LiveServer.baseUrl())
                .apiKey("rg_wrong")
                .build()) {
            assertThatThrownBy(() -> rg.reviews().get("rev_x"))
                    .isInstanceOfSatisfying(
                            AuthenticationException.class,
                            e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void forbiddenIsAnAuthenticationExceptionToo() {
        try (Stub stub =
                        new Stub((i, r) -> new Stub.Answer(403, PROBLEM, "{\"status\":403,\"detail\":\"not yours\"}"));
                Reviewgate rg = client(stub, 2)) {
            assertThatThrownBy(() -> rg.reviews().get("rev_x"))
                    .isInstanceOfSatisfying(
                            AuthenticationException.class,
                            e -> assertThat(e.detail()).isEqualTo("not yours"));
            assertThat(stub.seen()).hasSize(1);
        }
    }

    @Test
    void rateLimitingIsRetriedThenReportedWithRetryAfter() {
        try (Stub stub = new Stub(
                        (i, r) -> new Stub.Answer(
                                429,
                                Map.of("Retry-After", "0", "Content-Type", "application/problem+json"),
                                "{\"type\":\"urn:reviewgate:problem:too-many-requests\",\"status\":429,\"detail\":\"slow down\"}"));
                Reviewgate rg = client(stub, 2)) {
            assertThatThrownBy(() -> rg.reviews().get("rev_x"))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).contains(Duration.ZERO);
                        assertThat(e.problemType()).isEqualTo("urn:reviewgate:problem:too-many-requests");
                    });
            assertThat(stub.seen()).hasSize(3);
        }
    }

    @Test
    void aRetryAfterLongerThanTheSdkWaitsIsHandedToTheCaller() {
        try (Stub stub = new Stub((i, r) -> new Stub.Answer(429, Map.of("Retry-After", "3600"), ""));
                Reviewgate rg = client(stub, 2)) {
            assertThatThrownBy(() -> rg.reviews().get("rev_x"))
                    .isInstanceOfSatisfying(
                            RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
            assertThat(stub.seen()).hasSize(1);
        }
    }

    @Test
    void aRetriedCreateWhoseFirstAnswerWasLostMakesExactlyOneReview() {
        Reviewgate direct = LiveServer.client();
        String form = LiveServer.newBlogForm(direct);
        // The proxy hands the first POST to the real server, then loses its answer and says 503.
        try (Stub proxy = new Stub((i, r) -> {
                    Stub.Answer real = Stub.forward(LiveServer.baseUrl(), r);
                    return i == 0 ? new Stub.Answer(503, Map.of(), "") : real;
                });
                Reviewgate rg = client(proxy, 2)) {
            ReviewRequestResponse sent =
                    rg.createReview(form).addFieldData("blog", "exactly once").sendRequest();

            assertThat(proxy.seen()).hasSize(2);
            assertThat(proxy.seen().get(0).header("Idempotency-Key"))
                    .isNotBlank()
                    .isEqualTo(proxy.seen().get(1).header("Idempotency-Key"));
            assertThat(direct.reviews()
                            .list(ListParams.open()
                                    .status(ListParams.Status.ALL)
                                    .formId(form)))
                    .extracting(ReviewSummary::id)
                    .containsExactly(sent.reviewId());
        }
    }

    @Test
    void decisionsAreRetriedWithTheirKeyAndStillReportApplied() {
        Reviewgate direct = LiveServer.client();
        ReviewRequestResponse sent = direct.createReview(LiveServer.newBlogForm(direct))
                .addFieldData("blog", "x")
                .sendRequest();
        try (Stub proxy = new Stub((i, r) -> {
                    Stub.Answer real = Stub.forward(LiveServer.baseUrl(), r);
                    return i == 0 ? new Stub.Answer(504, Map.of(), "") : real;
                });
                Reviewgate rg = client(proxy, 2)) {
            DecisionResult result = rg.reviews().approve(ReviewAddress.byId(sent.reviewId()), sent.versionId());
            assertThat(result.submissionStatus()).isEqualTo(DecisionResult.SubmissionStatus.APPLIED);
            assertThat(proxy.seen()).hasSize(2);
        }
    }

    @Test
    void badGatewayOnAReadIsRetriedButAnInternalErrorIsNot() {
        try (Stub flaky = new Stub((i, r) -> i == 0
                        ? new Stub.Answer(502, Map.of(), "<html>bad gateway</html>")
                        : Stub.forward(LiveServer.baseUrl(), r));
                Reviewgate rg = client(flaky, 2)) {
            assertThat(rg.forms()
                            .get(LiveServer.newBlogForm(LiveServer.client()))
                            .name())
                    .isEqualTo("Review blog post");
            assertThat(flaky.seen()).hasSize(2);
        }
        try (Stub broken = new Stub((i, r) -> new Stub.Answer(500, PROBLEM, "{\"status\":500,\"detail\":\"bug\"}"));
                Reviewgate rg = client(broken, 2)) {
            assertThatThrownBy(() -> rg.reviews().get("rev_x"))
                    .isInstanceOfSatisfying(
                            ServerException.class, e -> assertThat(e.status()).isEqualTo(500));
            assertThat(broken.seen()).hasSize(1);
        }
        try (Stub down = new Stub((i, r) -> new Stub.Answer(503, Map.of(), ""));
                Reviewgate rg = client(down, 0)) {
            assertThatThrownBy(() -> rg.reviews().get("rev_x")).isInstanceOf(ServerException.class);
            assertThat(down.seen()).hasSize(1);
        }
    }

    @Test
    void otherClientErrorsAreTheBaseException() {
        try (Stub stub = new Stub(
                        (i, r) -> new Stub.Answer(
                                400,
                                PROBLEM,
                                "{\"type\":\"urn:reviewgate:problem:malformed-request\",\"status\":400,\"detail\":\"bad cursor\"}"));
                Reviewgate rg = client(stub, 2)) {
            assertThatThrownBy(() -> rg.reviews().list().iterator().hasNext())
                    .isExactlyInstanceOf(ReviewgateException.class)
                    .hasMessageContaining("bad cursor");
        }
    }

    @Test
    void anUnreachableServerIsRetriedThenReportedWithStatusZero() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (Reviewgate rg = Reviewgate.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey("k")
                .httpClient(HttpClient.newHttpClient())
                .timeout(Duration.ofSeconds(2))
                .maxRetries(1)
                .build()) {
            assertThatThrownBy(() -> rg.reviews().get("rev_x"))
                    .isInstanceOfSatisfying(
                            ReviewgateException.class,
                            e -> assertThat(e.status()).isZero());
        }
    }

    private static Reviewgate client(Stub stub, int retries) {
        return Reviewgate.builder()
                .baseUrl(stub.url())
                .apiKey(LiveServer.API_KEY)
                .maxRetries(retries)
                .build();
    }
}
