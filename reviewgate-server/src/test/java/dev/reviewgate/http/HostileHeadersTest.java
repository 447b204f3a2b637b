package dev.reviewgate.http;

import static dev.reviewgate.http.HostileReplay.abbreviated;
import static dev.reviewgate.http.HostileReplay.api;
import static dev.reviewgate.http.HostileReplay.method;
import static dev.reviewgate.http.HostileReplay.path;

import dev.reviewgate.http.HostileRequests.Probe;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No request head gets a 5xx: hostile headers and unexpected methods on every route, and malformed
 * request lines and heads, are replayed (see {@link HostileReplay} for what each answer must be).
 */
class HostileHeadersTest extends ApiTest {

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
    void hostileHeadersOnEveryRoute() {
        for (String route : replay.routes()) {
            for (String[][] headers : HostileHeaders.headers(TestServer.API_KEY)) {
                if (!HostileHeaders.concerns(headers, api(path(route)))) {
                    continue;
                }
                Probe base = replay.probe(
                        route,
                        replay.existing(route),
                        "application/json",
                        method(route).equals("GET") ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8),
                        "header " + abbreviated(headers[0][0] + ": " + headers[0][1]));
                List<String[]> replaced = new ArrayList<>(base.headers());
                for (String[] header : headers) {
                    replaced.removeIf(h -> h[0].equalsIgnoreCase(header[0]));
                }
                replaced.addAll(Arrays.asList(headers));
                replay.replay(new Probe(base.method(), route, base.target(), replaced, base.body(), base.label()));
            }
        }
        replay.assertNoFailures();
    }

    @Test
    void unexpectedMethodsOnEveryRoute() {
        for (String route : replay.routes()) {
            for (String method : HostileHeaders.METHODS) {
                Probe base = replay.probe(route, replay.existing(route), null, new byte[0], "method " + method);
                replay.replay(new Probe(method, route, base.target(), base.headers(), base.body(), base.label()));
            }
        }
        replay.assertNoFailures();
    }

    @Test
    void malformedRequestLinesAndHeads() {
        for (String head : HostileHeaders.REQUEST_HEADS) {
            replay.replay(new Probe("RAW", "GET /", head, List.of(), new byte[0], "head " + abbreviated(head)));
        }
        replay.assertNoFailures();
    }
}
