package dev.reviewgate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.RawHttp;
import dev.reviewgate.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A key differs from the same key in another case. On one keep-alive connection the server once
 * reused the first request's header value for a later one that matched it case-insensitively.
 */
class ExactCredentialsTest extends ApiTest {

    @Test
    void aBearerKeyInAnotherCaseIs401OnTheSameConnection() {
        assertSecondRequestRefused(
                "Authorization: Bearer " + TestServer.API_KEY, "Authorization: Bearer " + swapCase(TestServer.API_KEY));
    }

    @Test
    void anXApiKeyInAnotherCaseIs401OnTheSameConnection() {
        assertSecondRequestRefused("x-api-key: " + TestServer.API_KEY, "x-api-key: " + swapCase(TestServer.API_KEY));
    }

    private void assertSecondRequestRefused(String valid, String swapped) {
        try (RawHttp connection = RawHttp.connect(server)) {
            assertThat(connection
                            .exchange("GET /v1/forms HTTP/1.1\r\n" + valid, new byte[0])
                            .status())
                    .isEqualTo(200);
            assertThat(connection
                            .exchange("GET /v1/forms HTTP/1.1\r\n" + swapped, new byte[0])
                            .status())
                    .isEqualTo(401);
        }
    }

    private static String swapCase(String key) {
        StringBuilder out = new StringBuilder();
        key.chars()
                .forEach(c -> out.append(
                        (char) (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))));
        return out.toString();
    }
}
