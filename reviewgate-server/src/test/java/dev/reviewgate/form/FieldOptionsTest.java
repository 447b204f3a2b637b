package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.oneField;
import static dev.reviewgate.form.TestJson.parseErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reviewgate.error.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldOptionsTest {

    private static String formWith(String fieldMembers) {
        return "{'id':'f','name':'F','fields':[{'id':'v'," + fieldMembers + "}]}";
    }

    @Test
    void textDefaultsToSingleLine() {
        assertThat(oneField("'type':'text'").fields().get(0).options()).isEqualTo(new TextOptions(false));
        assertThat(oneField("'type':'text','multiline':true").fields().get(0).options())
                .isEqualTo(new TextOptions(true));
    }

    @Test
    void selectKeepsItsOptionsAndDefaultsToSingleChoice() {
        Field field = oneField("'type':'select','options':[{'value':'a','label':'A'},{'value':'b'}]")
                .fields()
                .get(0);

        assertThat(field.options())
                .isEqualTo(new SelectOptions(
                        List.of(new SelectOptions.Option("a", "A"), new SelectOptions.Option("b", null)), false));
    }

    @Test
    void selectNeedsNonEmptyOptions() {
        assertThat(parseErrors(formWith("'type':'select'")))
                .extracting(Violation::pointer)
                .containsExactly("/fields/0/options");
        assertThat(parseErrors(formWith("'type':'select','options':[]")))
                .extracting(Violation::pointer)
                .containsExactly("/fields/0/options");
    }

    @Test
    void selectOptionValuesMustBeUniqueStrings() {
        assertThat(parseErrors(formWith(
                        "'type':'select','options':[{'value':'a'},{'value':'a'},{'value':3},{'value':'c','x':1}]")))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder(
                        "/fields/0/options/1/value", "/fields/0/options/2/value", "/fields/0/options/3/x");
    }

    @Test
    void imagesSelectionDefaultsToMultiple() {
        assertThat(oneField("'type':'images'").fields().get(0).options())
                .isEqualTo(new ImagesOptions(ImagesOptions.Selection.MULTIPLE));
    }

    @Test
    void imagesSelectionMustBeKnown() {
        assertThat(parseErrors(formWith("'type':'images','selection':'some'")))
                .extracting(Violation::pointer)
                .containsExactly("/fields/0/selection");
    }

    @Test
    void pageGroupsKeyNameDefaultsToName() {
        assertThat(oneField("'type':'pageGroups'").fields().get(0).options()).isEqualTo(new PageGroupsOptions("name"));
        assertThat(oneField("'type':'pageGroups','keyName':'key'")
                        .fields()
                        .get(0)
                        .options())
                .isEqualTo(new PageGroupsOptions("key"));
    }

    @Test
    void pageGroupsKeyNameCannotBePages() {
        assertThat(parseErrors(formWith("'type':'pageGroups','keyName':'pages'")))
                .extracting(Violation::pointer)
                .containsExactly("/fields/0/keyName");
    }

    @Test
    void jsonSchemaWithUnknownKeywordIsRefusedNamingTheKeyword() {
        assertThat(parseErrors(
                        formWith("'type':'json','schema':{'type':'object','properties':{'a':{'format':'date'}}}")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/fields/0/schema/properties/a/format");
                    assertThat(v.message()).contains("\"format\"");
                });
    }

    @Test
    void jsonKeepsAValidSchema() {
        Field field = oneField("'type':'json','schema':{'type':'array','items':{'type':'integer'}}")
                .fields()
                .get(0);
        assertThat(field.options(JsonOptions.class).schema().get("type").asText())
                .isEqualTo("array");
    }

    @Test
    void aFieldCarriesOnlyTheOptionsOfItsType() {
        assertThatThrownBy(() -> new Field(
                        "v", FieldType.MARKDOWN, null, null, false, true, true, Retry.NONE, new TextOptions(true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new Field("v", FieldType.TEXT, null, null, false, true, true, Retry.NONE, NoOptions.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
