package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Client-side version ids: RFC 8785's own test vectors, ECMAScript number layout, and the server's ids. */
class VersionIdsTest {

    private static final String RFC_SAMPLE = """
            {"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],\
            "string":"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",\
            "literals":[null,true,false]}""";

    /** RFC 8785 §3.2.4: the UTF-8 bytes of §3.2.2's example after canonicalisation. */
    private static final String RFC_SAMPLE_CANONICAL_HEX = """
            7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
            75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
            5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
            65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
            5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
            30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d""";

    /** RFC 8785 §3.2.3: property names that sort differently by code point, UTF-16 unit and UTF-8 byte. */
    private static final String RFC_SORTING_SAMPLE = """
            {"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh",\
            "1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control",\
            "\\u00f6":"Latin Small Letter O With Diaeresis"}""";

    @Test
    void canonicalisesRfc8785Example() {
        assertThat(VersionIds.canonicalJson(parse(RFC_SAMPLE)))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        assertThat(VersionIds.ofJson(RFC_SAMPLE))
                .isEqualTo("2d5e01a318d0f0879ab568c4be289c8b1f64ef8921a53c6277d5e069978baacb");
    }

    @Test
    void hashesTheRfc8785StructureExampleAsItsCanonicalBytes() {
        byte[] canonical = HexFormat.ofDelimiter(" ").parseHex(RFC_SAMPLE_CANONICAL_HEX.replace('\n', ' '));
        assertThat(VersionIds.ofJson(RFC_SAMPLE)).isEqualTo(sha256(canonical));
    }

    @Test
    void hashesTheRfc8785SortingExampleInUtf16Order() {
        String canonical = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertThat(VersionIds.ofJson(RFC_SORTING_SAMPLE)).isEqualTo(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 8785 Appendix B: IEEE-754 bit patterns and the text ECMAScript gives them, inside a snapshot. */
    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0000000000000000 | 0
            8000000000000000 | 0
            0000000000000001 | 5e-324
            8000000000000001 | -5e-324
            7fefffffffffffff | 1.7976931348623157e+308
            ffefffffffffffff | -1.7976931348623157e+308
            4340000000000000 | 9007199254740992
            c340000000000000 | -9007199254740992
            4430000000000000 | 295147905179352830000
            44b52d02c7e14af5 | 9.999999999999997e+22
            44b52d02c7e14af6 | 1e+23
            44b52d02c7e14af7 | 1.0000000000000001e+23
            444b1ae4d6e2ef4e | 999999999999999700000
            444b1ae4d6e2ef4f | 999999999999999900000
            444b1ae4d6e2ef50 | 1e+21
            3eb0c6f7a0b5ed8c | 9.999999999999997e-7
            3eb0c6f7a0b5ed8d | 0.000001
            41b3de4355555553 | 333333333.3333332
            41b3de4355555554 | 333333333.33333325
            41b3de4355555555 | 333333333.3333333
            41b3de4355555556 | 333333333.3333334
            41b3de4355555557 | 333333333.33333343
            becbf647612f3696 | -0.0000033333333333333333
            43143ff3c1cb0959 | 1424953923781206.2
            """)
    void hashesRfc8785AppendixBNumbers(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        String canonical = "{\"n\":" + expected + "}";
        assertThat(VersionIds.of(Map.of("n", value))).isEqualTo(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 8785 Appendix B's last rows: NaN and Infinity have no canonical form. */
    @ParameterizedTest(name = "0x{0}")
    @CsvSource({"7fffffffffffffff", "7ff0000000000000"})
    void refusesRfc8785AppendixBNonFiniteNumbers(String bits) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThatThrownBy(() -> VersionIds.of(Map.of("n", value))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1, 1",
        "-1, -1",
        "100, 100",
        "1.5, 1.5",
        "0.1, 0.1",
        "1e20, 100000000000000000000",
        "1e21, 1e+21",
        "1.5e21, 1.5e+21",
        "123456789012345680000, 123456789012345680000",
        "0.000001, 0.000001",
        "0.0000001, 1e-7",
        "1.25e-7, 1.25e-7",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "9007199254740992, 9007199254740992",
        "0.30000000000000004, 0.30000000000000004",
        "-123.456, -123.456"
    })
    void formatsNumbersAsEcmaScript(double value, String expected) {
        assertThat(VersionIds.canonicalJson(value)).isEqualTo(expected);
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAndEscapesMinimally() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("\uD83D\uDE00", "emoji key sorts by its surrogates");
        snapshot.put("\uFB33", "above the surrogates in code units");
        snapshot.put("b", "tab\there\u0001\u2028</script>");
        snapshot.put("a", List.of(1, 2.5f, true));
        assertThat(VersionIds.canonicalJson(snapshot))
                .isEqualTo(
                        "{\"a\":[1,2.5,true],\"b\":\"tab\\there\\u0001\u2028</script>\","
                                + "\"\uD83D\uDE00\":\"emoji key sorts by its surrogates\",\"\uFB33\":\"above the surrogates in code units\"}");
    }

    @Test
    void refusesWhatCanonicalJsonCannotHold() {
        assertThatThrownBy(() -> VersionIds.of(Map.of("x", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionIds.of(Map.of("x", Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionIds.ofJson("{\"x\":9007199254740993}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^53");
        assertThatThrownBy(() -> VersionIds.ofJson("{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesTheIdsTheServerComputes() {
        try (Reviewgate rg = LiveServer.client()) {
            String form = LiveServer.newBlogForm(rg);
            for (String blog : List.of("plain", "Ünïcödé € 😀 \"quoted\" \\ back\nslash\t\u0007", "")) {
                List<Map<String, Object>> images = List.of(Map.of("url", "https://cdn.example.com/a.jpg", "alt", "ä"));
                ReviewRequestResponse sent = rg.createReview(form)
                        .addFieldData("blog", blog)
                        .addFieldData("imageOptions", images)
                        .sendRequest();
                assertThat(VersionIds.of(Map.of("blog", blog, "imageOptions", images)))
                        .isEqualTo(sent.versionId());
                Review review = rg.reviews().get(sent.reviewId());
                assertThat(VersionIds.of(review.head().snapshot())).isEqualTo(review.headVersionId());
            }
            String invoice = LiveServer.newInvoiceForm(rg);
            Map<String, Object> numbers =
                    Map.of("total_amount", 1234.5e-3, "vendor_name", "Acme", "invoice_number", "1e21");
            ReviewRequestResponse sent = rg.createReview(invoice)
                    .addFieldData("total_amount", 1234.5e-3)
                    .addFieldData("vendor_name", "Acme")
                    .addFieldData("invoice_number", "1e21")
                    .sendRequest();
            assertThat(VersionIds.of(numbers)).isEqualTo(sent.versionId());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Object parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
