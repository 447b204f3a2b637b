package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.form;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
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
        assertThat(form("{'id':'s','name':'S','blockType':'split'}").toJson().get("fields").get(0).toString())
                .isEqualTo("{\"id\":\"documents\",\"type\":\"pageGroups\",\"label\":\"Documents\",\"required\":true,"
                        + "\"editable\":true,\"nullable\":false,\"retry\":{\"button\":true,\"instructions\":true},\"keyName\":\"name\"}");
    }
}
