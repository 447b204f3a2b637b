package dev.reviewgate.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hostile or broken client puts in a request body: whole bodies, JSON member values and web
 * form fields. Kept small enough to replay against every route in seconds.
 */
final class HostileBodies {

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

    private HostileBodies() {}

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
}
