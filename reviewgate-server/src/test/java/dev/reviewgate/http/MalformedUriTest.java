package dev.reviewgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.json.Json;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A URI the server cannot decode is refused before any route sees it, still as problem+json with
 * the security headers, and the connection is either kept or closed with {@code Connection: close}.
 */
class MalformedUriTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/reviews/rev_%00",
                "/v1/reviews/%",
                "/v1/reviews/%zz",
                "/v1/reviews/%C0%AF",
                "/v1/reviews/%ED%A0%80",
                "/inbox/%",
                "/%",
                "/v1/reviews/%C0"
            })
    void isA400ProblemWithTheSecurityHeaders(String uri) throws Exception {
        try (RawHttp connection = RawHttp.connect(server)) {
            RawHttp.Response response =
                    connection.exchange("GET " + uri + " HTTP/1.1\r\nAccept: application/json", new byte[0]);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(Json.MAPPER.readTree(response.body()).get("status").asInt())
                    .isEqualTo(400);
            assertThat(response.header("content-security-policy")).contains("default-src 'self'");
            assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
            if ("close".equalsIgnoreCase(response.header("connection"))) {
                assertThat(connection.closedByServer()).isTrue();
            } else {
                assertThat(connection
                                .exchange("GET /healthz HTTP/1.1", new byte[0])
                                .status())
                        .isEqualTo(200);
            }
        }
    }
}
