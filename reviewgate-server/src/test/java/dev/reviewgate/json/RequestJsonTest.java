package dev.reviewgate.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Request bodies are strict JSON, and every refusal is written in our words, not the parser's. */
class RequestJsonTest {

    @Test
    void aSecondValueAfterTheFirstIsNamedWithItsPlace() {
        Problem problem = refused("{} {}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail())
                .isEqualTo("The body must be a single JSON value; found more after it at line 1, column 4.");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{} x", "single JSON value"),
                Arguments.of("{\"a\":", "ends before"),
                Arguments.of("[".repeat(10_000), "deeper than 1000"),
                Arguments.of("1" + "0".repeat(1_200), "longer than 1000"),
                Arguments.of("{\"" + "k".repeat(60_000) + "\":1}", "member name"),
                Arguments.of("{\"a\":1,\"a\":2}", "\"a\" twice"),
                Arguments.of("{\"a\":\"x\u0001\"}", "control character U+0001"),
                Arguments.of("{\"a\":01}", "line 1, column 7"),
                Arguments.of("{'a':1}", "U+0027"),
                Arguments.of("{\"a\":1e99999999999}", "number"),
                Arguments.of("nul", "not valid JSON"),
                Arguments.of("", "empty"),
                Arguments.of("  ", "empty"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedBodiesAre400InOurOwnWords(String body, String expected) {
        Problem problem = refused(body);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail())
                .contains(expected)
                .doesNotContain("com.", "Jackson", "Feature", "`", "Exception", "StreamRead", "JsonNode", "ObjectNode");
    }

    @Test
    void invalidUtf8IncludingOverlongAndEncodedSurrogatesIs400() {
        for (byte[] body : new byte[][] {
            {'"', (byte) 0xff, '"'},
            {'"', (byte) 0xc0, (byte) 0xaf, '"'},
            {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}
        }) {
            Problem problem = catchThrowableOfType(Problem.class, () -> Json.parseBody(body));
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.detail()).contains("not valid UTF-8").contains("byte 1");
        }
    }

    @Test
    void escapedLoneSurrogatesAre422WithAPointerEach() {
        Problem problem = refused("{\"a\":\"a\\ud800b\",\"b\":[\"a\\udc00b\"],\"c\":{\"d\":\"\\udc00\\ud800\"},"
                + "\"ok\":\"\\ud83d\\ude00\",\"k\\ud800\":1}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).extracting(Violation::pointer).containsExactly("/a", "/b/0", "/c/d", "");
    }

    @Test
    void nulInAStringOrNameIs422BecausePostgresqlCannotStoreIt() {
        Problem problem = refused("{\"a\":\"a\\u0000b\",\"b\":{\"k\\u0000\":1}}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).extracting(Violation::pointer).containsExactly("/a", "/b");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(Json.parseBody("\uFEFF{\"a\":1}".getBytes(StandardCharsets.UTF_8))
                        .get("a")
                        .asInt())
                .isEqualTo(1);
    }

    private static Problem refused(String body) {
        return catchThrowableOfType(Problem.class, () -> Json.parseBody(body.getBytes(StandardCharsets.UTF_8)));
    }
}
