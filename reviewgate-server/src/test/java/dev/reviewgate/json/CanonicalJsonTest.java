package dev.reviewgate.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version ids against vectors computed outside this code base: the canonical texts are RFC 8785's
 * own example and number samples, and the digests were computed with coreutils' sha256sum.
 */
class CanonicalJsonTest {

    private static final String RFC_INPUT = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
              "literals": [null, true, false]
            }""";
    private static final String RFC_CANONICAL =
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                    + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

    @Test
    void canonicalizesTheRfc8785Example() throws Exception {
        assertThat(CanonicalJson.canonicalize(Json.MAPPER.readTree(RFC_INPUT))).isEqualTo(RFC_CANONICAL);
    }

    @Test
    void versionIdOfTheRfc8785ExampleMatchesSha256sum() throws Exception {
        assertThat(CanonicalJson.versionId(Json.MAPPER.readTree(RFC_INPUT)))
                .isEqualTo("2d5e01a318d0f0879ab568c4be289c8b1f64ef8921a53c6277d5e069978baacb");
    }

    @Test
    void versionIdIgnoresKeyOrderAndNumberSpelling() throws Exception {
        JsonNode snapshot =
                Json.MAPPER.readTree("{\"b\":\"€\",\"c\":{\"y\":\"\\u001f\",\"x\":null},\"a\":[1.0,1e30,0.002,10]}");
        assertThat(CanonicalJson.versionId(snapshot))
                .isEqualTo("4cf85ffe080f3003ffeef2e1b2bf8c3b5a264d6ca90715ebff23590efaeff704");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1e21|1e+21", "1e-7|1e-7", "9007199254740992|9007199254740992", "-1.5|-1.5", "0.1|0.1", "100|100"})
    void serialisesNumbersAsRfc8785Says(String input, String canonical) throws Exception {
        assertThat(CanonicalJson.canonicalize(Json.MAPPER.readTree("[" + input + "]")))
                .isEqualTo("[" + canonical + "]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"\"a\\u0041\"|\"aA\"", "1.50|1.5", "true|true", "null|null"})
    void canonicalizesScalarsToo(String input, String canonical) throws Exception {
        assertThat(CanonicalJson.canonicalize(Json.MAPPER.readTree(input))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "9007199254740993",
                "-9007199254740993",
                "NaN",
                "Infinity",
                "-Infinity",
                "1e400",
                "333333333.33333329"
            })
    void refusesNumbersCanonicalJsonCannotHoldExactly(String input) throws Exception {
        JsonNode node = Json.MAPPER.readTree("{\"n\":[" + input + "]}");
        assertThat(CanonicalJson.unrepresentableNumbers(node, "/fields"))
                .singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/fields/n/0"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"9007199254740992", "-9007199254740992", "4.50", "1E30", "0.002"})
    void acceptsNumbersThatSurviveTheRoundTrip(String input) throws Exception {
        assertThat(CanonicalJson.unrepresentableNumbers(Json.MAPPER.readTree("[" + input + "]"), ""))
                .isEmpty();
    }
}
