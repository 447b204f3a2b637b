package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.error.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaSubsetTest {

    private static List<Violation> errors(String schema, String value) {
        return JsonSchemaSubset.validate(json(schema), json(value), "/v");
    }

    private static List<Violation> schemaErrors(String schema) {
        return JsonSchemaSubset.checkSchema(json(schema), "/schema");
    }

    @Test
    void acceptsEverySupportedKeyword() {
        assertThat(schemaErrors("{'type':['object','null'],'title':'t','description':'d','properties':{"
                        + "'s':{'type':'string','minLength':1,'maxLength':9,'pattern':'^a','enum':['ab']},"
                        + "'n':{'type':'number','minimum':0,'maximum':9,'exclusiveMinimum':-1,'exclusiveMaximum':10},"
                        + "'a':{'type':'array','items':{'const':1},'minItems':0,'maxItems':3,'uniqueItems':true}},"
                        + "'required':['s'],'additionalProperties':{'type':'boolean'}}"))
                .isEmpty();
    }

    @Test
    void refusesAnUnknownKeywordNamingIt() {
        assertThat(schemaErrors("{'type':'object','oneOf':[]}")).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/schema/oneOf");
            assertThat(v.message()).contains("\"oneOf\"");
        });
    }

    @Test
    void refusesMalformedKeywordValues() {
        assertThat(schemaErrors(
                        "{'type':'text','required':'a','minLength':-1,'enum':[],'pattern':'(','uniqueItems':1}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder(
                        "/schema/type",
                        "/schema/required",
                        "/schema/minLength",
                        "/schema/enum",
                        "/schema/pattern",
                        "/schema/uniqueItems");
    }

    @Test
    void refusesAnOverlongPattern() {
        assertThat(schemaErrors("{'pattern':'" + "a".repeat(501) + "'}"))
                .extracting(Violation::pointer)
                .containsExactly("/schema/pattern");
    }

    @Test
    void refusesAnExcessivelyDeepSchema() {
        String deep = "{'items':".repeat(40) + "{}" + "}".repeat(40);
        assertThat(schemaErrors(deep)).isNotEmpty();
    }

    @Test
    void checksType() {
        assertThat(errors("{'type':'string'}", "1"))
                .singleElement()
                .extracting(Violation::pointer)
                .isEqualTo("/v");
        assertThat(errors("{'type':['string','null']}", "null")).isEmpty();
    }

    @Test
    void integerMeansNoFractionalPart() {
        assertThat(errors("{'type':'integer'}", "2.0")).isEmpty();
        assertThat(errors("{'type':'integer'}", "2.5")).hasSize(1);
    }

    @Test
    void checksEnumAndConstByValue() {
        assertThat(errors("{'enum':['a',1]}", "1.0")).isEmpty();
        assertThat(errors("{'enum':['a',1]}", "'b'")).hasSize(1);
        assertThat(errors("{'const':{'x':1}}", "{'x':2}")).hasSize(1);
    }

    @Test
    void checksNumberBounds() {
        assertThat(errors("{'minimum':1,'maximum':3}", "0")).hasSize(1);
        assertThat(errors("{'minimum':1,'maximum':3}", "3")).isEmpty();
        assertThat(errors("{'exclusiveMinimum':1,'exclusiveMaximum':3}", "3")).hasSize(1);
        assertThat(errors("{'exclusiveMinimum':1,'exclusiveMaximum':3}", "1")).hasSize(1);
    }

    @Test
    void countsStringLengthInCodePoints() {
        assertThat(errors("{'maxLength':1}", "'\uD83D\uDE00'")).isEmpty();
        assertThat(errors("{'minLength':2}", "'a'")).hasSize(1);
    }

    @Test
    void patternIsUnanchored() {
        assertThat(errors("{'pattern':'b+'}", "'abbc'")).isEmpty();
        assertThat(errors("{'pattern':'^b'}", "'abbc'")).hasSize(1);
    }

    @Test
    void catastrophicPatternIsStoppedWithAViolation() {
        // Without the read budget this match takes seconds (about 10^9 character reads) on JDK 25.
        List<Violation> result = errors("{'pattern':'(.*a){12}$'}", "'" + "a".repeat(28) + "!'");
        assertThat(result)
                .singleElement()
                .extracting(Violation::message)
                .asString()
                .contains("too costly");
    }

    @Test
    void checksArrayKeywordsWithItemPointers() {
        assertThat(errors("{'minItems':2}", "[1]")).hasSize(1);
        assertThat(errors("{'maxItems':1}", "[1,2]")).hasSize(1);
        assertThat(errors("{'uniqueItems':true}", "[{'a':1,'b':2},{'b':2,'a':1.0}]"))
                .extracting(Violation::pointer)
                .containsExactly("/v/1");
        assertThat(errors("{'items':{'type':'string'}}", "['a',2]"))
                .extracting(Violation::pointer)
                .containsExactly("/v/1");
    }

    @Test
    void checksObjectKeywordsWithEscapedPointers() {
        assertThat(errors("{'properties':{'a/b':{'type':'string'}},'required':['c~d']}", "{'a/b':1}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/v/a~1b", "/v/c~0d");
    }

    @Test
    void additionalPropertiesAllowedByDefaultAndHonouredWhenGiven() {
        assertThat(errors("{'properties':{}}", "{'x':1}")).isEmpty();
        assertThat(errors("{'additionalProperties':false}", "{'x':1}"))
                .extracting(Violation::pointer)
                .containsExactly("/v/x");
        assertThat(errors("{'additionalProperties':{'type':'string'}}", "{'x':1}"))
                .hasSize(1);
    }
}
