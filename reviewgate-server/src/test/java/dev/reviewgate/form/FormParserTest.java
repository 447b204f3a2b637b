package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.form;
import static dev.reviewgate.form.TestJson.json;
import static dev.reviewgate.form.TestJson.parseErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import org.junit.jupiter.api.Test;

class FormParserTest {

    @Test
    void parsesAFormAndAppliesFieldDefaults() {
        FormDefinition form =
                form("{'id':'blog-review','name':'Review blog post','fields':[{'id':'blog','type':'markdown'}]}");

        Field blog = form.field("blog").orElseThrow();
        assertThat(form.id()).isEqualTo("blog-review");
        assertThat(form.blockType()).isNull();
        assertThat(blog.type()).isEqualTo(FieldType.MARKDOWN);
        assertThat(blog.required()).isFalse();
        assertThat(blog.editable()).isTrue();
        assertThat(blog.nullable()).isTrue();
        assertThat(blog.retry()).isEqualTo(Retry.NONE);
    }

    @Test
    void keepsLabelDescriptionRetryPolicyAndWebhook() {
        FormDefinition form = form("{'id':'f','name':'F','webhookUrl':'https://hooks.example.com/x',"
                + "'reviewPolicy':{'kind':'always'},'fields':[{'id':'a','type':'text','label':'A','description':'d',"
                + "'required':true,'editable':false,'nullable':false,'retry':{'button':true}}]}");

        Field a = form.fields().get(0);
        assertThat(a.label()).isEqualTo("A");
        assertThat(a.description()).isEqualTo("d");
        assertThat(a.required()).isTrue();
        assertThat(a.editable()).isFalse();
        assertThat(a.nullable()).isFalse();
        assertThat(a.retry()).isEqualTo(new Retry(true, false));
        assertThat(form.webhookUrl()).isEqualTo("https://hooks.example.com/x");
        assertThat(form.reviewPolicy().json()).isEqualTo(json("{'kind':'always'}"));
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> FormParser.parse(json("[]")))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Violation::pointer)
                                .containsExactly(""));
    }

    @Test
    void requiresIdNameAndFields() {
        assertThat(parseErrors("{}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/id", "/name", "/fields");
    }

    @Test
    void refusesAnIdOutsideThePattern() {
        assertThat(parseErrors("{'id':'-bad','name':'F','fields':[]}"))
                .extracting(Violation::pointer)
                .containsExactly("/id");
        assertThat(parseErrors("{'id':'a b','name':'F','fields':[]}"))
                .extracting(Violation::pointer)
                .containsExactly("/id");
    }

    @Test
    void refusesAnEmptyOrOverlongName() {
        assertThat(parseErrors("{'id':'f','name':' ','fields':[]}"))
                .extracting(Violation::pointer)
                .containsExactly("/name");
        assertThat(parseErrors("{'id':'f','name':'" + "n".repeat(201) + "','fields':[]}"))
                .extracting(Violation::pointer)
                .containsExactly("/name");
    }

    @Test
    void reportsUnknownKeysAtTheirPointer() {
        assertThat(parseErrors("{'id':'f','name':'F','colour':1,'fields':[{'id':'a','type':'text','bogus':true}]}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/colour", "/fields/0/bogus");
    }

    @Test
    void refusesAnOptionOfAnotherFieldType() {
        assertThat(parseErrors("{'id':'f','name':'F','fields':[{'id':'a','type':'text','keyName':'x'}]}"))
                .extracting(Violation::pointer)
                .containsExactly("/fields/0/keyName");
    }

    @Test
    void reportsAnUnknownFieldTypeAtItsPointer() {
        assertThat(parseErrors("{'id':'f','name':'F','fields':[{'id':'a','type':'text'},{'id':'b','type':'video'}]}"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/fields/1/type");
                    assertThat(v.message()).contains("video");
                });
    }

    @Test
    void refusesDuplicateFieldIds() {
        assertThat(parseErrors("{'id':'f','name':'F','fields':[{'id':'a','type':'text'},{'id':'a','type':'number'}]}"))
                .extracting(Violation::pointer)
                .containsExactly("/fields/1/id");
    }

    @Test
    void refusesBadFieldIdAndNonBooleanFlags() {
        assertThat(
                        parseErrors(
                                "{'id':'f','name':'F','fields':[{'id':'a/b','type':'text','required':'yes','retry':{'button':1,'x':true}}]}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder(
                        "/fields/0/id", "/fields/0/required", "/fields/0/retry/button", "/fields/0/retry/x");
    }

    @Test
    void refusesMoreThanTwoHundredFields() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            fields.append(i == 0 ? "" : ",").append("{'id':'f").append(i).append("','type':'text'}");
        }
        assertThat(parseErrors("{'id':'f','name':'F','fields':[" + fields + "]}"))
                .extracting(Violation::pointer)
                .containsExactly("/fields");
    }

    @Test
    void refusesWebhookUrlsThatAreNotAbsoluteHttp() {
        assertThat(parseErrors("{'id':'f','name':'F','fields':[],'webhookUrl':'ftp://x.example/'}"))
                .extracting(Violation::pointer)
                .containsExactly("/webhookUrl");
        assertThat(parseErrors("{'id':'f','name':'F','fields':[],'webhookUrl':'/relative'}"))
                .extracting(Violation::pointer)
                .containsExactly("/webhookUrl");
        assertThat(parseErrors(
                        "{'id':'f','name':'F','fields':[],'webhookUrl':'https://x.example/" + "a".repeat(2048) + "'}"))
                .extracting(Violation::pointer)
                .containsExactly("/webhookUrl");
    }

    @Test
    void refusesAReviewPolicyThatIsNotAnObject() {
        assertThat(parseErrors("{'id':'f','name':'F','fields':[],'reviewPolicy':'always'}"))
                .extracting(Violation::pointer)
                .containsExactly("/reviewPolicy");
    }

    @Test
    void refusesSchemaAndCategoriesWithoutTheirPreset() {
        assertThat(parseErrors("{'id':'f','name':'F','fields':[],'schema':{},'categories':['a']}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/schema", "/categories");
    }

    @Test
    void escapesFieldIdsInPointers() {
        // Field ids cannot contain ~ or /, but unknown keys can: their pointers must be escaped.
        assertThat(parseErrors("{'id':'f','name':'F','fields':[{'id':'a','type':'text','x/y~z':1}]}"))
                .extracting(Violation::pointer)
                .containsExactly("/fields/0/x~1y~0z");
    }
}
