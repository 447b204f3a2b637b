package dev.reviewgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.http.HostileRequests.Outcome;
import dev.reviewgate.http.HostileRequests.Probe;
import dev.reviewgate.testing.Api;
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

/**
 * Replays hostile requests against every registered route of one server and collects what went
 * wrong. No client input gets a 5xx: every answer is under 500, problem+json on the API, names no
 * class or package of ours or a library's, and a refused request (4xx) writes no row in any table.
 * {@link #open} builds the fixture the routes' ids point at and signs in for the web routes.
 */
final class HostileReplay {

    private static final Set<String> API_PATHS = Set.of("/healthz", "/readyz", "/metrics", "/openapi.json");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern LEAK =
            Pattern.compile("\\b(?:java|javax|jakarta|com|org|io|net|dev)\\.[a-z][a-z0-9_]*\\.[A-Za-z]"
                    + "|Exception|dev\\.reviewgate|\\b[A-Z][A-Za-z]+Feature\\.|\\bat [\\w$]+(?:\\.[\\w$]+)+\\(");

    private final TestServer server;
    private final Api api;
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

    private HostileReplay(TestServer server, Api api) {
        this.server = server;
        this.api = api;
    }

    /** The fixture on {@code server}: forms, three reviews, a quiet webhook endpoint, a session. */
    static HostileReplay open(TestServer server, Api api) {
        HostileReplay replay = new HostileReplay(server, api);
        replay.setUp();
        return replay;
    }

    private void setUp() {
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
        // A refused sign-in is put on the audit log by design, and that is all it writes; every other
        // audit entry is committed with a change, so a refusal that wrote one shows in another table.
        rows = RowCounts.of(server.app().database()).excluding("audit_entries", "audit_heads");
        requests = new HostileRequests(server);
        signIn();
    }

    /** Forgets earlier failures and counts rows afresh; call before each test. */
    void startCounting() {
        failures.clear();
        sent = 0;
        counted = rows.now();
    }

    /** Counts rows afresh, after a request meant to write. */
    void recount() {
        counted = rows.now();
    }

    /** Every registered route as {@code "METHOD /path/{param}"}. */
    List<String> routes() {
        return routes;
    }

    String rootVersion() {
        return rootVersion;
    }

    String approveVersion() {
        return approveVersion;
    }

    String rejectVersion() {
        return rejectVersion;
    }

    String webhookId() {
        return ids.get("webhookId");
    }

    /** Sends {@code probe} without checking or counting it. */
    Outcome send(Probe probe) {
        return requests.send(probe);
    }

    void replay(Probe probe) {
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

    Probe probe(String route, String target, String contentType, byte[] body, String label) {
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

    /** The route's path with the fixture's ids; DELETE gets a missing id so the fixture survives. */
    String existing(String route) {
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
    static String withWait(String route, String target) {
        return path(route).endsWith("/wait") ? target + "?timeoutSeconds=0" : target;
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

    void assertNoFailures() {
        assertThat(sent).as("requests replayed").isPositive();
        assertThat(failures)
                .as(failures.size() + " of " + sent + " hostile requests")
                .isEmpty();
    }

    static String method(String route) {
        return route.substring(0, route.indexOf(' '));
    }

    static String path(String route) {
        return route.substring(route.indexOf(' ') + 1);
    }

    static boolean api(String path) {
        return path.startsWith("/v1/") || API_PATHS.contains(path);
    }

    static String abbreviated(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return flat.length() <= 160 ? flat : flat.substring(0, 120) + "…(" + flat.length() + " chars)";
    }
}
