package dev.reviewgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.http.HostileRequests.Outcome;
import dev.reviewgate.http.HostileRequests.Probe;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.RowCounts;
import dev.reviewgate.testing.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No client input gets a 5xx: hostile bodies, member values, path segments, query strings,
 * headers, methods and request lines are replayed against every registered route. Every answer
 * is under 500, problem+json on the API, names no class or package of ours or a library's, and a
 * refused request (4xx) writes no row in any table.
 */
class HostileInputTest extends ApiTest {

    private static final Set<String> API_PATHS = Set.of("/healthz", "/readyz", "/metrics", "/openapi.json");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern LEAK =
            Pattern.compile("\\b(?:java|javax|jakarta|com|org|io|net|dev)\\.[a-z][a-z0-9_]*\\.[A-Za-z]"
                    + "|Exception|dev\\.reviewgate|\\b[A-Z][A-Za-z]+Feature\\.|\\bat [\\w$]+(?:\\.[\\w$]+)+\\(");

    private final Map<String, String> ids = new LinkedHashMap<>();
    private List<String> routes;
    private RowCounts rows;
    private HostileRequests requests;
    private String cookie;
    private String csrf;
    private String rootVersion;
    private String approveVersion;
    private String rejectVersion;
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private long[] counted;

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
        api.put("/v1/forms/put-form", Map.of("name", "Put", "fields", List.of(Map.of("id", "a", "type", "text"))));
        api.put("/v1/forms/quiet-form", Map.of("name", "Quiet", "fields", List.of(Map.of("id", "a", "type", "text"))));
        JsonNode main = createReview("run-main");
        rootVersion = main.get("versionId").asText();
        JsonNode approve = createReview("run-approve");
        approveVersion = approve.get("versionId").asText();
        JsonNode reject = createReview("run-reject");
        rejectVersion = reject.get("versionId").asText();
        // A public address and a form no review uses: the endpoint exists but is never sent to, so no
        // background delivery writes a row while the replay counts them.
        JsonNode endpoint = api.post(
                        "/v1/webhooks", Map.of("url", "https://93.184.215.14/hook", "formId", "quiet-form"))
                .body();
        assertThat(endpoint.hasNonNull("id"))
                .as("the fixture's endpoint: " + endpoint)
                .isTrue();
        ids.put("reviewId", main.get("reviewId").asText());
        ids.put("runId", "run-main");
        ids.put("blockId", "block-1");
        ids.put("formId", "blog-review");
        ids.put("revision", "1");
        ids.put("webhookId", endpoint.get("id").asText());
        ids.put("deliveryId", "dlv_missing");
        ids.put(
                "userId",
                server.app()
                        .database()
                        .read(h -> h.createQuery("SELECT id FROM users")
                                .mapTo(String.class)
                                .first()));
        ids.put("keyId", "key_missing");
        ids.put("approveReviewId", approve.get("reviewId").asText());
        ids.put("rejectReviewId", reject.get("reviewId").asText());
        routes = server.app().routes().stream()
                .filter(r -> METHODS.contains(r.method()))
                .map(r -> r.method() + " " + r.path())
                .distinct()
                .toList();
        rows = RowCounts.of(server.app().database());
        requests = new HostileRequests(server);
        signIn();
    }

    @BeforeEach
    void startCounting() {
        failures.clear();
        sent = 0;
        counted = rows.now();
    }

    @Test
    void hostileBodiesOnEveryRoute() {
        for (String route : routes) {
            if (!method(route).equals("GET")) {
                for (HostileCorpus.Body body : HostileCorpus.bodies()) {
                    replay(probe(route, existing(route), body.contentType(), body.bytes(), body.label()));
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void hostileMemberValuesInOtherwiseValidBodies() {
        for (Map.Entry<String, String> template : templates().entrySet()) {
            // Each mutation is one member away from a request the route accepts.
            Outcome accepted = requests.send(probe(
                    template.getKey(),
                    existing(template.getKey()),
                    "application/json",
                    template.getValue().getBytes(StandardCharsets.UTF_8),
                    "valid"));
            assertThat(accepted.status())
                    .as(template.getKey() + " accepts its template: " + accepted.body())
                    .isLessThan(300);
            counted = rows.now();
            ObjectNode valid = (ObjectNode) Json.parse(template.getValue());
            for (String pointer : pointers(valid, "")) {
                for (String value : HostileCorpus.VALUES) {
                    String body = replaced(valid, pointer, value);
                    replay(probe(
                            template.getKey(),
                            existing(template.getKey()),
                            "application/json",
                            body.getBytes(StandardCharsets.UTF_8),
                            pointer + " = " + abbreviated(value)));
                }
            }
        }
        removeEndpointsButTheFixture();
        assertNoFailures();
    }

    @Test
    void hostileFormFieldsOnEveryWebPost() {
        for (String route : routes) {
            if (method(route).equals("POST") && !api(path(route))) {
                for (String value : HostileCorpus.FORM_VALUES) {
                    StringBuilder form = new StringBuilder();
                    HostileCorpus.FORM_FIELDS.forEach(f -> form.append(form.isEmpty() ? "" : "&")
                            .append(URLEncoder.encode(f, StandardCharsets.UTF_8))
                            .append('=')
                            .append(value));
                    replay(probe(
                            route,
                            existing(route),
                            "application/x-www-form-urlencoded",
                            form.toString().getBytes(StandardCharsets.UTF_8),
                            "every field = " + abbreviated(value)));
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void hostilePathSegmentsInEveryParameter() {
        for (String route : routes) {
            if (!PARAMETER.matcher(path(route)).find()) {
                continue;
            }
            for (String segment : HostileCorpus.SEGMENTS) {
                String target = PARAMETER.matcher(path(route)).replaceAll(Matcher.quoteReplacement(segment));
                replay(probe(
                        route,
                        withWait(route, target),
                        "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "segment " + abbreviated(segment)));
            }
        }
        assertNoFailures();
    }

    @Test
    void hostileQueryStringsOnEveryGet() {
        for (String route : routes) {
            if (method(route).equals("GET")) {
                for (String query : HostileCorpus.queries()) {
                    String target = existing(route) + (existing(route).contains("?") ? "&" : "?") + query;
                    replay(probe(route, target, null, new byte[0], "query " + abbreviated(query)));
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void hostileHeadersOnEveryRoute() {
        for (String route : routes) {
            for (String[][] headers : HostileCorpus.headers(TestServer.API_KEY)) {
                if (!HostileCorpus.concerns(headers, api(path(route)))) {
                    continue;
                }
                Probe base = probe(
                        route,
                        existing(route),
                        "application/json",
                        method(route).equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8),
                        "header " + abbreviated(headers[0][0] + ": " + headers[0][1]));
                List<String[]> replaced = new ArrayList<>(base.headers());
                for (String[] header : headers) {
                    replaced.removeIf(h -> h[0].equalsIgnoreCase(header[0]));
                }
                replaced.addAll(Arrays.asList(headers));
                replay(new Probe(base.method(), route, base.target(), replaced, base.body(), base.label()));
            }
        }
        assertNoFailures();
    }

    @Test
    void unexpectedMethodsOnEveryRoute() {
        for (String route : routes) {
            for (String method : HostileCorpus.METHODS) {
                Probe base = probe(route, existing(route), null, new byte[0], "method " + method);
                replay(new Probe(method, route, base.target(), base.headers(), base.body(), base.label()));
            }
        }
        assertNoFailures();
    }

    @Test
    void malformedRequestLinesAndHeads() {
        for (String head : HostileCorpus.REQUEST_HEADS) {
            replay(new Probe("RAW", "GET /", head, List.of(), new byte[0], "head " + abbreviated(head)));
        }
        assertNoFailures();
    }

    // --- the replay -------------------------------------------------------------------------

    private void replay(Probe probe) {
        // Nothing writes between two requests (no endpoint is ever sent to), so the count after
        // one request is the count before the next.
        long[] before = counted;
        Outcome outcome = requests.send(probe);
        long[] after = rows.now();
        counted = after;
        sent++;
        String where = probe.method() + " " + abbreviated(probe.target()) + " [" + probe.label() + "] → ";
        if (outcome.status() == 0) {
            failures.add(where + "no answer: " + outcome.error());
            return;
        }
        if (outcome.status() >= 500) {
            failures.add(where + outcome.status() + " " + abbreviated(outcome.body()));
        }
        if (outcome.status() >= 400
                && api(path(probe.route()))
                && !probe.method().equals("HEAD")
                && (outcome.contentType() == null || !outcome.contentType().startsWith(Responses.PROBLEM_JSON))) {
            failures.add(where + outcome.status() + " as " + outcome.contentType());
        }
        Matcher leak = LEAK.matcher(outcome.body());
        if (leak.find()) {
            failures.add(where + outcome.status() + " leaks '" + leak.group() + "' in " + abbreviated(outcome.body()));
        }
        if (outcome.status() >= 400 && !Arrays.equals(before, after)) {
            failures.add(where + outcome.status() + " but wrote rows: " + rows.changes(before, after));
        }
    }

    private Probe probe(String route, String target, String contentType, byte[] body, String label) {
        List<String[]> headers = new ArrayList<>();
        if (api(path(route))) {
            headers.add(new String[] {"Authorization", "Bearer " + TestServer.API_KEY});
            headers.add(new String[] {"Accept", "application/json"});
        } else {
            headers.add(new String[] {"Cookie", cookie});
            headers.add(new String[] {"Accept", "text/html"});
            headers.add(new String[] {"Origin", server.baseUrl()});
            if (!path(route).equals("/logout")) {
                // Signing out would end the session the rest of the replay needs.
                headers.add(new String[] {"X-CSRF-Token", csrf});
            }
        }
        if (contentType != null && body.length > 0) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        return new Probe(method(route), route, target, headers, body, label);
    }

    // --- routes and fixtures ------------------------------------------------------------------

    /** The route's path with the fixture's ids; DELETE gets a missing id so the fixture survives. */
    private String existing(String route) {
        Matcher m = PARAMETER.matcher(path(route));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = method(route).equals("DELETE") ? "missing_id" : ids.getOrDefault(m.group(1), "missing_id");
            if (m.group(1).equals("reviewId") && path(route).endsWith("/approve")) {
                id = ids.get("approveReviewId");
            }
            if (m.group(1).equals("reviewId") && path(route).endsWith("/reject")) {
                id = ids.get("rejectReviewId");
            }
            if (m.group(1).equals("formId") && method(route).equals("PUT")) {
                id = "put-form";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        m.appendTail(out);
        return withWait(route, out.toString());
    }

    /** A wait answers at once with timeoutSeconds=0, so the replay does not park on it. */
    private static String withWait(String route, String target) {
        return path(route).endsWith("/wait") ? target + "?timeoutSeconds=0" : target;
    }

    /** A valid body for each API route that takes one, to put hostile values in one member at a time. */
    private Map<String, String> templates() {
        String author = "{\"kind\":\"model\",\"id\":\"m\",\"displayName\":\"M\"}";
        String fields = "{\"blog\":\"x\",\"imageOptions\":[{\"url\":\"https://cdn.example.com/a.jpg\"}]}";
        Map<String, String> out = new LinkedHashMap<>();
        out.put(
                "POST /v1/reviews",
                "{\"formId\":\"blog-review\",\"fields\":" + fields + ",\"meta\":{\"k\":1},\"title\":\"t\","
                        + "\"assignTo\":[\"a@example.com\"],\"assignToGroups\":[\"g\"],\"workflowId\":\"w\",\"runId\":\"run-m\","
                        + "\"blockId\":\"b\",\"author\":" + author + ",\"signals\":{\"s\":1}}");
        out.put(
                "POST /v1/reviews/{reviewId}/versions",
                "{\"parentId\":\"" + rootVersion + "\",\"snapshot\":"
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
                "{\"versionId\":\"" + rejectVersion + "\",\"reason\":\"r\",\"author\":" + author + "}");
        out.put(
                "POST /v1/reviews/{reviewId}/approve",
                "{\"versionId\":\"" + approveVersion + "\",\"reason\":\"r\",\"author\":" + author + "}");
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
            if (!endpoint.get("id").asText().equals(ids.get("webhookId"))) {
                assertThat(api.send(
                                        HttpRequest.newBuilder(api.uri("/v1/webhooks/"
                                                        + endpoint.get("id").asText()))
                                                .DELETE(),
                                        Map.of())
                                .status())
                        .isLessThan(300);
            }
        }
        counted = rows.now();
    }

    private JsonNode createReview(String runId) {
        return api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "blog-review",
                                "runId",
                                runId,
                                "blockId",
                                "block-1",
                                "fields",
                                Fixtures.blogFields("Hostile", "https://cdn.example.com/a.jpg")))
                .body();
    }

    private void signIn() {
        String form = "email=admin%40example.com&password="
                + URLEncoder.encode(TestServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        Api.Response login = api.withKey(null)
                .send(
                        HttpRequest.newBuilder(api.uri("/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)),
                        Map.of());
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).as("signed in").isNotNull();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String inbox = api.withKey(null)
                .send(HttpRequest.newBuilder(api.uri("/inbox")).GET(), Map.of("Cookie", cookie))
                .text();
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(inbox);
        assertThat(m.find()).as("the inbox carries the CSRF token").isTrue();
        csrf = m.group(1);
    }

    // --- small helpers ------------------------------------------------------------------------

    private void assertNoFailures() {
        assertThat(sent).as("requests replayed").isPositive();
        assertThat(failures)
                .as(failures.size() + " of " + sent + " hostile requests")
                .isEmpty();
    }

    private static String method(String route) {
        return route.substring(0, route.indexOf(' '));
    }

    private static String path(String route) {
        return route.substring(route.indexOf(' ') + 1);
    }

    private static boolean api(String path) {
        return path.startsWith("/v1/") || API_PATHS.contains(path);
    }

    private static String abbreviated(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return flat.length() <= 160 ? flat : flat.substring(0, 120) + "…(" + flat.length() + " chars)";
    }
}
