package dev.reviewgate.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * What a hostile or broken client puts in a request target: path segments and query strings. Kept
 * small enough to replay against every route in seconds.
 */
final class HostileUris {

    private HostileUris() {}

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

    /** {@code text} as unpadded base64url, as a cursor is written. */
    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
