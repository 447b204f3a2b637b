package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Client-side version ids: RFC 8785's own example, ECMAScript number layout, and the server's ids. */
class VersionIdsTest {

    private static final String RFC_SAMPLE = """
            {"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],\
            "string":"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",\
            "literals":[null,true,false]}""";

    @Test
    void canonicalisesRfc8785Example() {
        assertThat(VersionIds.canonicalJson(parse(RFC_SAMPLE))).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        assertThat(VersionIds.ofJson(RFC_SAMPLE))
                .isEqualTo("2d5e01a318d0f0879ab568c4be289c8b1f64ef8921a53c6277d5e069978baacb");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0", "-0.0, 0", "1, 1", "-1, -1", "100, 100", "1.5, 1.5", "0.1, 0.1",
            "1e20, 100000000000000000000", "1e21, 1e+21", "1.5e21, 1.5e+21", "123456789012345680000, 123456789012345680000",
            "0.000001, 0.000001", "0.0000001, 1e-7", "1.25e-7, 1.25e-7", "5e-324, 5e-324",
            "1.7976931348623157e308, 1.7976931348623157e+308", "9007199254740992, 9007199254740992",
            "0.30000000000000004, 0.30000000000000004", "-123.456, -123.456"})
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
        assertThat(VersionIds.canonicalJson(snapshot)).isEqualTo(
                "{\"a\":[1,2.5,true],\"b\":\"tab\\there\\u0001\u2028</script>\","
                        + "\"\uD83D\uDE00\":\"emoji key sorts by its surrogates\",\"\uFB33\":\"above the surrogates in code units\"}");
    }

    @Test
    void refusesWhatCanonicalJsonCannotHold() {
        assertThatThrownBy(() -> VersionIds.of(Map.of("x", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionIds.of(Map.of("x", Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionIds.ofJson("{\"x\":9007199254740993}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^53");
        assertThatThrownBy(() -> VersionIds.ofJson("{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesTheIdsTheServerComputes() {
        try (Reviewgate rg = LiveServer.client()) {
            String form = LiveServer.newBlogForm(rg);
            for (String blog : List.of("plain", "Ünïcödé € 😀 \"quoted\" \\ back\nslash\t\u0007", "")) {
                List<Map<String, Object>> images = List.of(Map.of("url", "https://cdn.example.com/a.jpg", "alt", "ä"));
                ReviewRequestResponse sent = rg.createReview(form).addFieldData("blog", blog)
                        .addFieldData("imageOptions", images).sendRequest();
                assertThat(VersionIds.of(Map.of("blog", blog, "imageOptions", images))).isEqualTo(sent.versionId());
                Review review = rg.reviews().get(sent.reviewId());
                assertThat(VersionIds.of(review.head().snapshot())).isEqualTo(review.headVersionId());
            }
            String invoice = LiveServer.newInvoiceForm(rg);
            Map<String, Object> numbers = Map.of("total_amount", 1234.5e-3, "vendor_name", "Acme", "invoice_number", "1e21");
            ReviewRequestResponse sent = rg.createReview(invoice).addFieldData("total_amount", 1234.5e-3)
                    .addFieldData("vendor_name", "Acme").addFieldData("invoice_number", "1e21").sendRequest();
            assertThat(VersionIds.of(numbers)).isEqualTo(sent.versionId());
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
