package dev.reviewgate.http;

import static dev.reviewgate.http.HostileReplay.abbreviated;
import static dev.reviewgate.http.HostileReplay.api;
import static dev.reviewgate.http.HostileReplay.method;
import static dev.reviewgate.http.HostileReplay.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.http.HostileRequests.Outcome;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.ApiTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No request body gets a 5xx: whole bodies, hostile values in one member of an otherwise valid
 * body, and hostile web form fields are replayed against every route that takes them (see {@link
 * HostileReplay} for what each answer must be).
 */
class HostileBodiesTest extends ApiTest {

    private HostileReplay replay;

    @Override
    protected void setUp() {
        replay = HostileReplay.open(server, api);
    }

    @BeforeEach
    void startCounting() {
        replay.startCounting();
    }

    @Test
    void hostileBodiesOnEveryRoute() {
        for (String route : replay.routes()) {
            if (!method(route).equals("GET")) {
                for (HostileBodies.Body body : HostileBodies.bodies()) {
                    replay.replay(replay.probe(
                            route, replay.existing(route), body.contentType(), body.bytes(), body.label()));
                }
            }
        }
        replay.assertNoFailures();
    }

    @Test
    void hostileMemberValuesInOtherwiseValidBodies() {
        for (Map.Entry<String, String> template : templates().entrySet()) {
            // Each mutation is one member away from a request the route accepts.
            Outcome accepted = replay.send(replay.probe(
                    template.getKey(),
                    replay.existing(template.getKey()),
                    "application/json",
                    template.getValue().getBytes(StandardCharsets.UTF_8),
                    "valid"));
            assertThat(accepted.status())
                    .as(template.getKey() + " accepts its template: " + accepted.body())
                    .isLessThan(300);
            replay.recount();
            ObjectNode valid = (ObjectNode) Json.parse(template.getValue());
            for (String pointer : pointers(valid, "")) {
                for (String value : HostileBodies.VALUES) {
                    String body = replaced(valid, pointer, value);
                    replay.replay(replay.probe(
                            template.getKey(),
                            replay.existing(template.getKey()),
                            "application/json",
                            body.getBytes(StandardCharsets.UTF_8),
                            pointer + " = " + abbreviated(value)));
                }
            }
        }
        removeEndpointsButTheFixture();
        replay.assertNoFailures();
    }

    @Test
    void hostileFormFieldsOnEveryWebPost() {
        for (String route : replay.routes()) {
            if (method(route).equals("POST") && !api(path(route))) {
                for (String value : HostileBodies.FORM_VALUES) {
                    StringBuilder form = new StringBuilder();
                    HostileBodies.FORM_FIELDS.forEach(f -> form.append(form.isEmpty() ? "" : "&")
                            .append(URLEncoder.encode(f, StandardCharsets.UTF_8))
                            .append('=')
                            .append(value));
                    replay.replay(replay.probe(
                            route,
                            replay.existing(route),
                            "application/x-www-form-urlencoded",
                            form.toString().getBytes(StandardCharsets.UTF_8),
                            "every field = " + abbreviated(value)));
                }
            }
        }
        replay.assertNoFailures();
    }

    /** A valid body for each API route that takes one, to put hostile values in one member at a time. */
    private Map<String, String> templates() {
        String author = "{\"kind\":\"model\",\"id\":\"m\",\"displayName\":\"M\"}";
        String fields = "{\"blog\":\"x\",\"imageOptions\":[{\"url\":\"https://cdn.example.com/a.jpg\"}]}";
        Map<String, String> out = new LinkedHashMap<>();
        out.put(
                "POST /v1/reviews",
                "{\"formId\":\"blog-review\",\"fields\":" + fields + ",\"meta\":{\"k\":1},\"title\":\"t\","
                        + "\"assignTo\":[],\"assignToGroups\":[],\"workflowId\":\"w\",\"runId\":\"run-m\","
                        + "\"blockId\":\"b\",\"author\":" + author + ",\"signals\":{\"s\":1}}");
        out.put(
                "POST /v1/reviews/{reviewId}/versions",
                "{\"parentId\":\"" + replay.rootVersion() + "\",\"snapshot\":"
                        + "{\"blog\":\"y\",\"imageOptions\":[]},\"origin\":\"human_edit\",\"note\":\"n\",\"author\":"
                        + author + "}");
        out.put(
                "POST /v1/reviews/{reviewId}/instructions",
                "{\"fields\":{\"blog\":{\"type\":\"textInstruction\",\"text\":\"shorter\"}},\"author\":" + author
                        + "}");
        out.put(
                "POST /v1/forms",
                "{\"id\":\"made-here\",\"name\":\"N\",\"fields\":[{\"id\":\"a\",\"type\":\"text\",\"label\":\"A\"}]}");
        out.put(
                "PUT /v1/forms/{formId}",
                "{\"name\":\"N\",\"fields\":[{\"id\":\"a\",\"type\":\"text\",\"label\":\"A\"}]}");
        out.put(
                "POST /v1/reviews/{reviewId}/reject",
                "{\"versionId\":\"" + replay.rejectVersion() + "\",\"reason\":\"r\",\"author\":" + author + "}");
        out.put(
                "POST /v1/reviews/{reviewId}/approve",
                "{\"versionId\":\"" + replay.approveVersion() + "\",\"reason\":\"r\",\"author\":" + author + "}");
        // Last: its mutations may register endpoints, removed before anything else can send to them.
        out.put(
                "POST /v1/webhooks",
                "{\"url\":\"https://93.184.215.14/hook\",\"formId\":\"quiet-form\",\"events\":[\"review.approved\"]}");
        return out;
    }

    /** JSON Pointers to every member and array element of {@code node}. */
    private static List<String> pointers(JsonNode node, String base) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String child = base + "/" + name;
                out.add(child);
                out.addAll(pointers(node.get(name), child));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(base + "/" + i);
                out.addAll(pointers(node.get(i), base + "/" + i));
            }
        }
        return out;
    }

    /** {@code valid} as text with the value at {@code pointer} replaced by the raw JSON {@code value}. */
    private static String replaced(ObjectNode valid, String pointer, String value) {
        String marker = "\"__hostile__\"";
        JsonNode copy = valid.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).put(last, "__hostile__");
        } else {
            ((ArrayNode) parent)
                    .set(Integer.parseInt(last), Json.MAPPER.getNodeFactory().textNode("__hostile__"));
        }
        return Json.write(copy).replace(marker, value);
    }

    /**
     * A mutation with {@code "formId": null} registers an endpoint for every form; left in place,
     * its deliveries would write rows in the background while later replays count them.
     */
    private void removeEndpointsButTheFixture() {
        for (JsonNode endpoint : api.get("/v1/webhooks").body().get("data")) {
            if (!endpoint.get("id").asText().equals(replay.webhookId())) {
                assertThat(api.send(
                                        HttpRequest.newBuilder(api.uri("/v1/webhooks/"
                                                        + endpoint.get("id").asText()))
                                                .DELETE(),
                                        Map.of())
                                .status())
                        .isLessThan(300);
            }
        }
        replay.recount();
    }
}
