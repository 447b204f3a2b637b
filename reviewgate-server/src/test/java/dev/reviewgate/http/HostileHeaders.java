package dev.reviewgate.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a hostile or broken client puts in a request head: headers, methods and whole request
 * lines. Kept small enough to replay against every route in seconds.
 */
final class HostileHeaders {

    private HostileHeaders() {}

    /** Header sets sent in place of the usual ones; {@code {name, value}} pairs. */
    static List<String[][]> headers(String apiKey) {
        return List.of(
                h("Authorization", ""),
                h("Authorization", "Bearer"),
                h("Authorization", "Bearer "),
                h("Authorization", "Bearer  " + apiKey),
                h("Authorization", "bearer " + apiKey),
                h("Authorization", "Basic " + HostileUris.b64("admin:x")),
                h("Authorization", "Bearer " + apiKey + "x"),
                h("Authorization", "Bearer " + "x".repeat(5_000)),
                h("Authorization", "Bearer " + apiKey + "\u00ff"),
                h("Authorization", "Bearer " + apiKey, "Authorization", "Bearer wrong"),
                h("x-api-key", ""),
                h("x-api-key", "x".repeat(5_000)),
                h("x-api-key", apiKey, "Authorization", "Bearer wrong"),
                h("X-Big", "x".repeat(20_000)),
                h("X-Many", "x", "X-Many", "y", "X-Many", "z"),
                h("Idempotency-Key", ""),
                h("Idempotency-Key", " "),
                h("Idempotency-Key", "x".repeat(256)),
                h("Content-Type", "text/plain"),
                h("Content-Type", "application/json; charset=\""),
                h("Content-Type", "multipart/form-data; boundary=x"),
                h("Content-Type", "\u00ff/\u00ff"),
                h("Content-Length", "-1"),
                h("Content-Length", "abc"),
                h("Content-Length", "99999999999999999999"),
                h("Content-Length", "2", "Content-Length", "3"),
                h("Transfer-Encoding", "gzip"),
                h("Transfer-Encoding", "chunked", "Content-Length", "2"),
                h("Accept", ""),
                h("Accept", "x".repeat(5_000)),
                h("Accept", "text/html;q=abc"),
                h("Accept-Charset", "utf-99"),
                h("Accept-Encoding", "gzip;q=x"),
                h("Host", ""),
                h("Host", "evil.example"),
                h("Host", "[::1"),
                h("Host", "a b"),
                h("Cookie", "rg_session=" + "x".repeat(5_000)),
                h("Cookie", "rg_session=%00"),
                h("Cookie", "=;=;;"),
                h("Origin", "http://["),
                h("Referer", "::::"),
                h("Sec-Fetch-Site", "\u00ff"),
                h("X-CSRF-Token", "x".repeat(5_000)),
                h("HX-Request", "true"),
                h("Expect", "100-continue"),
                h("Expect", "x"),
                h("If-Modified-Since", "garbage"),
                h("Forwarded", "for=\"[::1"),
                h("X-Forwarded-For", "%00"),
                h("Connection", "Upgrade", "Upgrade", "h2c"));
    }

    private static final Set<String> API_ONLY = Set.of("authorization", "x-api-key", "idempotency-key");
    private static final Set<String> WEB_ONLY =
            Set.of("cookie", "origin", "referer", "sec-fetch-site", "x-csrf-token", "hx-request");

    /** Whether a header set means anything to an API route (or a web route); the rest go to both. */
    static boolean concerns(String[][] headers, boolean apiRoute) {
        String name = headers[0][0].toLowerCase(Locale.ROOT);
        return apiRoute ? !WEB_ONLY.contains(name) : !API_ONLY.contains(name);
    }

    private static String[][] h(String... namesAndValues) {
        String[][] out = new String[namesAndValues.length / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new String[] {namesAndValues[2 * i], namesAndValues[2 * i + 1]};
        }
        return out;
    }

    /** Request methods no route expects. */
    static final List<String> METHODS = List.of("HEAD", "OPTIONS", "PATCH", "TRACE", "FOO", "DELETE", "PUT");

    /** Whole request lines and heads a parser must survive. */
    static final List<String> REQUEST_HEADS = List.of(
            "GET / HTTP/1.0",
            "GET / HTTP/2.0",
            "GET / HTTP/9.9",
            "GET /",
            "GET  / HTTP/1.1",
            "GET http://evil.example/v1/forms HTTP/1.1",
            "GET * HTTP/1.1",
            "GET v1/forms HTTP/1.1",
            "\u00ff / HTTP/1.1",
            "GET /v1/forms HTTP/1.1\r\nBad Header: x",
            "GET /v1/forms HTTP/1.1\r\n: empty",
            "GET /v1/forms HTTP/1.1\r\nX-Folded: a\r\n b",
            "GET /v1/forms?" + "a".repeat(70_000) + " HTTP/1.1");
}
