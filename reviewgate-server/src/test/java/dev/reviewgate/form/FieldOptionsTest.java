package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.oneField;
import static dev.reviewgate.form.TestJson.parseErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.error.Violation;
import org.junit.jupiter.api.Test;

class FieldOptionsTest {

    private static String formWith(String fieldMembers) {
        return "{'id':'f','name':'F','fields':[{'id':'v'," + fieldMembers + "}]}";
    }

    @Test
    void textDefaultsToSingleLine() {
        assertThat(oneField("'type':'text'").fields().get(0).options().get("multiline").asBoolean()).isFalse();
        assertThat(oneField("'type':'text','multiline':true").fields().get(0).options().get("multiline").asBoolean()).isTrue();
    }

    @Test
    void selectKeepsItsOptionsAndDefaultsToSingleChoice() {
        Field field = oneField("'type':'select','options':[{'value':'a','label':'A'},{'value':'b'}]").fields().get(0);

        assertThat(field.options().get("options")).hasSize(2);
        assertThat(field.options().get("multiple").asBoolean()).isFalse();
    }

    @Test
    void selectNeedsNonEmptyOptions() {
        assertThat(parseErrors(formWith("'type':'select'"))).extracting(Violation::pointer).containsExactly("/fields/0/options");
        assertThat(parseErrors(formWith("'type':'select','options':[]"))).extracting(Violation::pointer).containsExactly("/fields/0/options");
    }

    @Test
    void selectOptionValuesMustBeUniqueStrings() {
        assertThat(parseErrors(formWith("'type':'select','options':[{'value':'a'},{'value':'a'},{'value':3},{'value':'c','x':1}]")))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/fields/0/options/1/value", "/fields/0/options/2/value", "/fields/0/options/3/x");
    }

    @Test
    void imagesSelectionDefaultsToMultiple() {
        assertThat(oneField("'type':'images'").fields().get(0).options().get("selection").asText()).isEqualTo("multiple");
    }

    @Test
    void imagesSelectionMustBeKnown() {
        assertThat(parseErrors(formWith("'type':'images','selection':'some'")))
                .extracting(Violation::pointer).containsExactly("/fields/0/selection");
    }

    @Test
    void pageGroupsKeyNameDefaultsToName() {
        assertThat(oneField("'type':'pageGroups'").fields().get(0).options().get("keyName").asText()).isEqualTo("name");
        assertThat(oneField("'type':'pageGroups','keyName':'key'").fields().get(0).options().get("keyName").asText()).isEqualTo("key");
    }

    @Test
    void pageGroupsKeyNameCannotBePages() {
        assertThat(parseErrors(formWith("'type':'pageGroups','keyName':'pages'")))
                .extracting(Violation::pointer).containsExactly("/fields/0/keyName");
    }

    @Test
    void jsonSchemaWithUnknownKeywordIsRefusedNamingTheKeyword() {
        assertThat(parseErrors(formWith("'type':'json','schema':{'type':'object','properties':{'a':{'format':'date'}}}")))
                .singleElement().satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/fields/0/schema/properties/a/format");
                    assertThat(v.message()).contains("\"format\"");
                });
    }

    @Test
    void jsonKeepsAValidSchema() {
        Field field = oneField("'type':'json','schema':{'type':'array','items':{'type':'integer'}}").fields().get(0);
        assertThat(field.options().get("schema").get("type").asText()).isEqualTo("array");
    }
}
