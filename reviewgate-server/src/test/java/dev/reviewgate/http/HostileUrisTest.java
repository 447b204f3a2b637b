package dev.reviewgate.http;

import static dev.reviewgate.http.HostileReplay.PARAMETER;
import static dev.reviewgate.http.HostileReplay.abbreviated;
import static dev.reviewgate.http.HostileReplay.method;
import static dev.reviewgate.http.HostileReplay.path;
import static dev.reviewgate.http.HostileReplay.withWait;

import dev.reviewgate.testing.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No request target gets a 5xx: hostile path segments in every route parameter and hostile query
 * strings on every GET are replayed (see {@link HostileReplay} for what each answer must be).
 */
class HostileUrisTest extends ApiTest {

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
    void hostilePathSegmentsInEveryParameter() {
        for (String route : replay.routes()) {
            if (!PARAMETER.matcher(path(route)).find()) {
                continue;
            }
            for (String segment : HostileUris.SEGMENTS) {
                String target = PARAMETER.matcher(path(route)).replaceAll(Matcher.quoteReplacement(segment));
                replay.replay(replay.probe(
                        route,
                        withWait(route, target),
                        "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "segment " + abbreviated(segment)));
            }
        }
        replay.assertNoFailures();
    }

    @Test
    void hostileQueryStringsOnEveryGet() {
        for (String route : replay.routes()) {
            if (method(route).equals("GET")) {
                for (String query : HostileUris.queries()) {
                    String target =
                            replay.existing(route) + (replay.existing(route).contains("?") ? "&" : "?") + query;
                    replay.replay(replay.probe(route, target, null, new byte[0], "query " + abbreviated(query)));
                }
            }
        }
        replay.assertNoFailures();
    }
}
