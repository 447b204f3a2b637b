package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.form;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'id':'all','name':'All types','webhookUrl':'https://h.example/x','reviewPolicy':{'kind':'always'},'fields':["
                        + "{'id':'t','type':'text','multiline':true,'label':'T','description':'D','retry':{'button':true,'instructions':true}},"
                        + "{'id':'m','type':'markdown','required':true},{'id':'j','type':'json','schema':{'type':'object'}},"
                        + "{'id':'n','type':'number','nullable':false},{'id':'b','type':'boolean','editable':false},"
                        + "{'id':'s','type':'select','multiple':true,'options':[{'value':'a','label':'A'},{'value':'b'}]},"
                        + "{'id':'i','type':'images','selection':'single'},{'id':'l','type':'link'},{'id':'p','type':'pageGroups','keyName':'key'}]}",
                "{'id':'c','name':'C','blockType':'classifier','categories':['x','y']}",
                "{'id':'s','name':'S','blockType':'split'}",
                "{'id':'e','name':'E','blockType':'for_each'}",
                "{'id':'x','name':'X','blockType':'extract'}",
                "{'id':'x','name':'X','blockType':'extract','schema':{'type':'object','required':['a'],'properties':{'a':{'type':'string','title':'A'},'b':{'type':'array'}}}}"
            })
    void toJsonParsesBackToTheSameDefinition(String body) {
        FormDefinition parsed = form(body);

        FormDefinition again = FormParser.parse(parsed.toJson());

        assertThat(again).isEqualTo(parsed);
        assertThat(again.toJson()).isEqualTo(parsed.toJson());
    }

    @Test
    void toJsonSpellsOutDefaultsAndExpandedPresetFields() {
        assertThat(form("{'id':'s','name':'S','blockType':'split'}")
                        .toJson()
                        .get("fields")
                        .get(0)
                        .toString())
                .isEqualTo(
                        "{\"id\":\"documents\",\"type\":\"pageGroups\",\"label\":\"Documents\",\"required\":true,"
                                + "\"editable\":true,\"nullable\":false,\"retry\":{\"button\":true,\"instructions\":true},\"keyName\":\"name\"}");
    }

    @Test
    void toJsonWritesEachTypesOptionsAfterTheCommonMembers() {
        String common =
                "'required':false,'editable':true,'nullable':true,'retry':{'button':false,'instructions':false}";
        FormDefinition form =
                form("{'id':'o','name':'O','fields':[{'id':'t','type':'text'},{'id':'m','type':'markdown'},"
                        + "{'id':'j','type':'json'},{'id':'k','type':'json','schema':{'type':'array','items':{'type':'integer'}}},"
                        + "{'id':'n','type':'number'},{'id':'b','type':'boolean'},"
                        + "{'id':'s','type':'select','options':[{'label':'A','value':'a'},{'value':'b'}]},"
                        + "{'id':'i','type':'images'},{'id':'l','type':'link'},{'id':'p','type':'pageGroups'}]}");

        assertThat(form.toJson().toString())
                .isEqualTo(("{'id':'o','name':'O','fields':["
                                + "{'id':'t','type':'text'," + common
                                + ",'multiline':false},{'id':'m','type':'markdown'," + common + "},"
                                + "{'id':'j','type':'json'," + common + "},"
                                + "{'id':'k','type':'json'," + common
                                + ",'schema':{'type':'array','items':{'type':'integer'}}},"
                                + "{'id':'n','type':'number'," + common + "},{'id':'b','type':'boolean'," + common
                                + "},"
                                + "{'id':'s','type':'select'," + common
                                + ",'options':[{'value':'a','label':'A'},{'value':'b'}],'multiple':false},"
                                + "{'id':'i','type':'images'," + common
                                + ",'selection':'multiple'},{'id':'l','type':'link'," + common + "},"
                                + "{'id':'p','type':'pageGroups'," + common + ",'keyName':'name'}]}")
                        .replace('\'', '"'));
    }

    @Test
    void toJsonOfPresetsSpellsOutCategoriesAndPerPropertyOptions() {
        assertThat(form("{'id':'c','name':'C','blockType':'classifier','categories':['x','y']}")
                        .toJson()
                        .toString())
                .isEqualTo(
                        ("{'id':'c','name':'C','blockType':'classifier','categories':['x','y'],'fields':[{'id':'category',"
                                        + "'type':'select','label':'Category','required':true,'editable':true,'nullable':false,"
                                        + "'retry':{'button':true,'instructions':true},'options':[{'value':'x'},{'value':'y'}],'multiple':false}]}")
                                .replace('\'', '"'));
        assertThat(form("{'id':'e','name':'E','blockType':'extract','schema':{'type':'object','properties':{"
                                + "'a':{'type':'string'},'b':{'type':['array','null']}}}}")
                        .toJson()
                        .get("fields")
                        .toString())
                .isEqualTo(("[{'id':'a','type':'text','required':false,'editable':true,'nullable':false,"
                                + "'retry':{'button':true,'instructions':true},'multiline':false},"
                                + "{'id':'b','type':'json','required':false,'editable':true,'nullable':true,"
                                + "'retry':{'button':true,'instructions':true},'schema':{'type':['array','null']}}]")
                        .replace('\'', '"'));
    }
}
