package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.form;
import static dev.reviewgate.form.TestJson.json;
import static dev.reviewgate.form.TestJson.oneField;
import static dev.reviewgate.form.TestJson.valueErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.error.Violation;
import org.junit.jupiter.api.Test;

class SnapshotValidatorTest {

    private static final FormDefinition BLOG = form("{'id':'blog','name':'Blog','fields':["
            + "{'id':'title','type':'text','required':true,'nullable':false},{'id':'body','type':'markdown'}]}");

    @Test
    void acceptsAMatchingSnapshot() {
        assertThat(SnapshotValidator.validate(BLOG, json("{'title':'Hi','body':'# x'}"), ""))
                .isEmpty();
    }

    @Test
    void refusesASnapshotThatIsNotAnObject() {
        assertThat(SnapshotValidator.validate(BLOG, json("[]"), "/snapshot"))
                .extracting(Violation::pointer)
                .containsExactly("/snapshot");
    }

    @Test
    void reportsUnknownKeysWithEscapedPointers() {
        assertThat(SnapshotValidator.validate(BLOG, json("{'title':'Hi','a/b':1,'c~d':2}"), "/snapshot"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/snapshot/a~1b", "/snapshot/c~0d");
    }

    @Test
    void reportsAMissingRequiredField() {
        assertThat(SnapshotValidator.validate(BLOG, json("{'body':'x'}"), ""))
                .singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/title"));
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        assertThat(SnapshotValidator.validate(BLOG, json("{'title':'x'}"), "")).isEmpty();
    }

    @Test
    void nullIsAllowedOnlyForNullableFields() {
        assertThat(SnapshotValidator.validate(BLOG, json("{'title':'x','body':null}"), ""))
                .isEmpty();
        assertThat(SnapshotValidator.validate(BLOG, json("{'title':null}"), ""))
                .extracting(Violation::pointer)
                .containsExactly("/title");
    }

    @Test
    void textMustBeAString() {
        assertThat(valueErrors(oneField("'type':'text'"), "'ok'")).isEmpty();
        assertThat(valueErrors(oneField("'type':'text'"), "5"))
                .extracting(Violation::pointer)
                .containsExactly("/v");
    }

    @Test
    void markdownMustBeAString() {
        assertThat(valueErrors(oneField("'type':'markdown'"), "'# ok'")).isEmpty();
        assertThat(valueErrors(oneField("'type':'markdown'"), "['x']")).hasSize(1);
    }

    @Test
    void textIsCappedAtOneMillionCharacters() {
        assertThat(valueErrors(oneField("'type':'text'"), "'" + "x".repeat(1_000_001) + "'"))
                .hasSize(1);
    }

    @Test
    void numberMustBeANumber() {
        assertThat(valueErrors(oneField("'type':'number'"), "1.5")).isEmpty();
        assertThat(valueErrors(oneField("'type':'number'"), "'1.5'")).hasSize(1);
    }

    @Test
    void booleanMustBeABoolean() {
        assertThat(valueErrors(oneField("'type':'boolean'"), "false")).isEmpty();
        assertThat(valueErrors(oneField("'type':'boolean'"), "'false'")).hasSize(1);
    }

    @Test
    void jsonAcceptsAnyValueWithoutSchema() {
        assertThat(valueErrors(oneField("'type':'json'"), "{'any':[1,'x',null]}"))
                .isEmpty();
    }

    @Test
    void jsonSchemaFailuresAreSchemaViolations() {
        FormDefinition form =
                oneField("'type':'json','schema':{'type':'object','properties':{'n':{'type':'integer','minimum':1}}}");

        SnapshotValidator.Result result = SnapshotValidator.check(form, json("{'v':{'n':0}}"), "");

        assertThat(result.shape()).isEmpty();
        assertThat(result.schema()).extracting(Violation::pointer).containsExactly("/v/n");
        assertThat(SnapshotValidator.validate(form, json("{'v':{'n':0}}"), "")).isEqualTo(result.schema());
    }

    @Test
    void selectAcceptsOnlyOptionValues() {
        FormDefinition form = oneField("'type':'select','options':[{'value':'a'},{'value':'b'}]");
        assertThat(valueErrors(form, "'a'")).isEmpty();
        assertThat(valueErrors(form, "'c'"))
                .singleElement()
                .extracting(Violation::message)
                .asString()
                .contains("\"c\"");
        assertThat(valueErrors(form, "['a']")).hasSize(1);
    }

    @Test
    void multipleSelectTakesUniqueOptionValues() {
        FormDefinition form = oneField("'type':'select','multiple':true,'options':[{'value':'a'},{'value':'b'}]");
        assertThat(valueErrors(form, "['a','b']")).isEmpty();
        assertThat(valueErrors(form, "['a','a','z']"))
                .extracting(Violation::pointer)
                .containsExactly("/v/1", "/v/2");
        assertThat(valueErrors(form, "'a'")).hasSize(1);
    }

    @Test
    void imagesAreUrlObjects() {
        FormDefinition form = oneField("'type':'images'");
        assertThat(valueErrors(
                        form, "[{'url':'https://cdn.example.com/a.jpg','alt':'A'},{'url':'http://x.example/b.png'}]"))
                .isEmpty();
        assertThat(valueErrors(
                        form, "[{'url':'javascript:alert(1)'},{'alt':'x'},{'url':'https://x.example/','size':1},'u']"))
                .extracting(Violation::pointer)
                .containsExactly("/v/0/url", "/v/1/url", "/v/2/size", "/v/3");
    }

    @Test
    void linkIsAnHttpUrlWithOptionalText() {
        FormDefinition form = oneField("'type':'link'");
        assertThat(valueErrors(form, "{'url':'https://example.com','text':'Example'}"))
                .isEmpty();
        assertThat(valueErrors(form, "{'url':'data:text/html,x','text':5}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/v/url", "/v/text");
        assertThat(valueErrors(form, "'https://example.com'"))
                .extracting(Violation::pointer)
                .containsExactly("/v");
    }

    @Test
    void prefixesEveryPointerWithTheGivenBase() {
        assertThat(SnapshotValidator.validate(BLOG, json("{'title':1}"), "/fields"))
                .extracting(Violation::pointer)
                .containsExactly("/fields/title");
    }
}
