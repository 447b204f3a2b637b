package dev.reviewgate.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a hostile or broken client sends: path segments, query strings, bodies, member values,
 * form fields and headers. Kept small enough to replay against every route in seconds.
 */
final class HostileCorpus {

    /** A labelled request body and the media type it is sent as. */
    // Test data, never compared or hashed as records: the array is the payload as sent.
    @SuppressWarnings("ArrayRecordComponent")
    record Body(String label, String contentType, byte[] bytes) {
        static Body json(String label, String text) {
            return new Body(label, "application/json", text.getBytes(StandardCharsets.UTF_8));
        }

        static Body form(String label, String text) {
            return new Body(label, "application/x-www-form-urlencoded", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private HostileCorpus() {}

    /** Path segments as they go on the wire (already %-encoded where meant to be). */
    static final List<String> SEGMENTS = List.of(
            "%00",
            "%2F",
            "..",
            "%2E%2E",
            "a%2F..%2F..%2Fetc%2Fpasswd",
            "x".repeat(2_000),
            "x".repeat(10_000),
            "%C3%BC%E2%82%AC",
            "%F0%9F%98%80",
            "*",
            "%2A",
            "%25",
            "%27%22%3C%3E",
            "null",
            "-1",
            "0",
            "99999999999999999999",
            "1e999",
            "%20",
            "%09",
            "%0D%0A",
            "%ED%A0%80",
            "%C0%AF",
            "%",
            "%zz",
            ";",
            "a;b=c",
            "%3B",
            "~",
            "%7B%7D",
            "%FF");

    /** Query strings for every GET route. */
    static List<String> queries() {
        return List.of(
                "limit=-1",
                "limit=abc",
                "limit=99999999999999999999",
                "limit=",
                "limit=1&limit=2",
                "cursor=%25%25%25",
                "cursor=" + b64("1:\u0000"),
                "cursor=" + b64("x:y"),
                "cursor=" + b64("99999999999999999999:a"),
                "cursor=" + b64("1:"),
                "cursor=%00",
                "cursor=" + "A".repeat(3_000),
                "timeoutSeconds=-1",
                "timeoutSeconds=abc",
                "timeoutSeconds=99999999999",
                "timeoutSeconds=1e3",
                "timeoutSeconds=",
                "timeoutSeconds=%00",
                "status=bogus",
                "status=%00",
                "for=bogus",
                "for=%00",
                "formId=%00",
                "formId=" + "x".repeat(3_000),
                "runId=%00&blockId=%00",
                "workflowId=%00",
                "assignee=" + "x".repeat(3_000),
                "assignee=%00",
                "version=%00",
                "version=" + "f".repeat(64),
                "version=" + "x".repeat(3_000),
                "from=%00&to=zz",
                "from=" + "f".repeat(64) + "&to=%FF",
                "head=%00&status=pending",
                "field=%00",
                "field=../../x",
                "form=%00",
                "mine=%00",
                "mine=true",
                "workflow=%00",
                "next=%0D%0ALocation:%20x",
                "unknown=1",
                "%zz=1",
                "a=%zz",
                "=",
                "&&&",
                "q=%C0%AF",
                "x=%ED%A0%80",
                "%00=%00");
    }

    /** Whole bodies, each wrong as a whole. */
    static List<Body> bodies() {
        List<Body> out = new ArrayList<>(List.of(
                Body.json("empty", ""),
                Body.json("object", "{}"),
                Body.json("array", "[]"),
                Body.json("null", "null"),
                Body.json("true", "true"),
                Body.json("number", "0"),
                Body.json("string", "\"s\""),
                Body.json("open brace", "{"),
                Body.json("truncated", "{\"a\":"),
                Body.json("two values", "{} {}"),
                Body.json("10k arrays", "[".repeat(10_000)),
                Body.json("deep objects", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)),
                Body.json("huge exponent", "1e999999"),
                Body.json("exponent overflow", "{\"a\":1e99999999999}"),
                Body.json("400 digits", "1".repeat(400)),
                Body.json("2000 digits", "{\"a\":" + "1".repeat(2_000) + "}"),
                Body.json("minus", "-"),
                Body.json("NaN", "{\"a\":NaN}"),
                Body.json("lone high surrogate", "{\"a\":\"a\\ud800b\"}"),
                Body.json("lone low surrogate", "{\"a\":\"a\\udc00b\"}"),
                Body.json("reversed pair", "{\"\\udc00\\ud800\":1}"),
                Body.json("escaped NUL", "{\"a\":\"a\\u0000b\"}"),
                Body.json("raw NUL", "{\"a\":\"a\u0000b\"}"),
                Body.json("100k string", "{\"a\":\"" + "x".repeat(100_000) + "\"}"),
                Body.json("60k name", "{\"" + "k".repeat(60_000) + "\":1}"),
                Body.json("duplicate", "{\"a\":1,\"a\":2}"),
                Body.json("proto", "{\"__proto__\":{\"admin\":true},\"constructor\":{}}"),
                Body.json("single quotes", "{'a':1}"),
                Body.json("comment", "{/*x*/}"),
                Body.json("trailing comma", "[1,]"),
                Body.json("BOM", "\uFEFF{}"),
                Body.json("200k numbers", "[" + "1,".repeat(200_000) + "1]"),
                Body.form("form", "a=b&formId=blog-review"),
                Body.form("form garbage", "%zz=%zz&=&&"),
                new Body("text/plain", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)),
                new Body("xml", "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)),
                new Body(
                        "multipart",
                        "multipart/form-data; boundary=x",
                        "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"
                                .getBytes(StandardCharsets.UTF_8)),
                new Body("bad multipart", "multipart/form-data; boundary=", "garbage".getBytes(StandardCharsets.UTF_8)),
                new Body("utf-16", "application/json; charset=utf-16", "{}".getBytes(StandardCharsets.UTF_16)),
                new Body("no content type", null, "{}".getBytes(StandardCharsets.UTF_8))));
        for (byte[] bad : new byte[][] {
            {(byte) 0xff, (byte) 0xfe},
            {(byte) 0xc0, (byte) 0xaf},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xe2, (byte) 0x82}
        }) {
            byte[] body = new byte[bad.length + 8];
            System.arraycopy("{\"a\":\"".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 6);
            System.arraycopy(bad, 0, body, 6, bad.length);
            body[bad.length + 6] = '"';
            body[bad.length + 7] = '}';
            out.add(new Body("invalid UTF-8 " + Integer.toHexString(bad[0] & 0xff), "application/json", body));
        }
        return out;
    }

    /** JSON values put, one at a time, in place of a member of a valid body. */
    static final List<String> VALUES = List.of(
            "1",
            "-1",
            "1e999",
            "123456789012345678901234567890",
            "1.5",
            "true",
            "null",
            "\"\"",
            "\" \"",
            "\"a\\u0000b\"",
            "\"a\\ud800b\"",
            "\"" + "x".repeat(100_000) + "\"",
            "\"\\u202e\"",
            "[]",
            "{}",
            "[1,\"a\",null]",
            "{\"a\":{\"b\":{\"c\":[]}}}",
            "\"<script>alert(1)</script>\"",
            "\"../../etc/passwd\"",
            "\"https://127.0.0.1/\"",
            "\"rev_does_not_exist\"",
            "\"" + "f".repeat(64) + "\"",
            "[\"a\\u0000b\"]",
            "{\"a\\u0000b\":\"a\\u0000b\"}",
            "\"%00\"",
            "\"\\r\\nX-Injected: 1\"");

    /** Form values (already %-encoded) for the web app's fields. */
    static final List<String> FORM_VALUES = List.of(
            "%00",
            "a%00b",
            "%ED%A0%80",
            "%C0%AF",
            "%zz",
            "%FF",
            "x".repeat(100_000),
            "%F0%9F%98%80",
            "",
            "%0D%0A",
            "1e999",
            "-1",
            "99999999999999999999",
            "%7B%22a%22%3A",
            "on",
            "true",
            "admin");

    /** Every form field a web page reads. */
    static final List<String> FORM_FIELDS = List.of(
            "email",
            "password",
            "next",
            "name",
            "role",
            "disabled",
            "definition",
            "versionId",
            "note",
            "reason",
            "source",
            "f.blog",
            "f.imageOptions",
            "f.imageOptions.url",
            "instruction.blog",
            "retry.blog",
            "instruction.imageOptions",
            "retry.imageOptions",
            "f._snapshot");

    /** Header sets sent in place of the usual ones; {@code {name, value}} pairs. */
    static List<String[][]> headers(String apiKey) {
        return List.of(
                h("Authorization", ""),
                h("Authorization", "Bearer"),
                h("Authorization", "Bearer "),
                h("Authorization", "Bearer  " + apiKey),
                h("Authorization", "bearer " + apiKey),
                h("Authorization", "Basic " + b64("admin:x")),
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

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
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
