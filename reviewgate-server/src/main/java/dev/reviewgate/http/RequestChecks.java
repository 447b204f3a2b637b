package dev.reviewgate.http;

import dev.reviewgate.error.Problem;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses, before any route runs, input the handlers would misread or a database cannot store.
 * Javalin decodes the query string with the charset of the request's {@code Content-Type}: an
 * unknown one threw deep inside a handler (500), and another one silently dropped or garbled query
 * parameters (a wait of {@code timeoutSeconds=0} parked for 30 s). A bad %-escape in the query made
 * its value null (500). PostgreSQL text cannot hold U+0000, so a NUL in a query or form field that
 * reached a column was a 500 there and stored on SQLite.
 */
public final class RequestChecks {

    private RequestChecks() {}

    /** The before-handler. */
    public static void refuseUnreadable(Context ctx) {
        requireUtf8(ctx.header("Content-Type"));
        requireReadableQuery(ctx.queryString());
        // Javalin reads form fields from any body that is not JSON (urlencoded, multipart, or an
        // unlabelled one), so every such web post is checked, whatever its Content-Type says.
        if (isForm(ctx.header("Content-Type")) || isWebPost(ctx)) {
            requireNoNul(ctx.formParamMap());
        }
    }

    /** A {@code charset} parameter, when given, must name UTF-8 (or its subset US-ASCII). */
    static void requireUtf8(String contentType) {
        if (contentType == null) {
            return;
        }
        for (String parameter : contentType.split(";", -1)) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String name = pair[1].trim().replaceAll("^\"|\"$", "");
                if (!isUtf8(name)) {
                    throw Problem.of(
                            415,
                            "Unsupported media type",
                            "The Content-Type names the charset '" + shortened(name)
                                    + "'; this server reads UTF-8 only.");
                }
            }
        }
    }

    private static boolean isUtf8(String name) {
        try {
            Charset charset = Charset.forName(name);
            return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every name and value must %-decode to UTF-8 text without NUL. */
    static void requireReadableQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            for (String part : pair.split("=", 2)) {
                String text = decode(part);
                if (text.indexOf('\0') >= 0) {
                    throw Problem.badRequest(
                            "The query string holds a NUL character (%00), which no parameter may contain.");
                }
            }
        }
    }

    private static String decode(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                int value = i + 2 < part.length() ? hex(part.charAt(i + 1), part.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw Problem.badRequest("The query string has an invalid %-escape at '"
                            + shortened(part.substring(i, Math.min(part.length(), i + 3))) + "'; write % as %25.");
                }
                bytes.write(value);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("The query string does not %-decode to UTF-8 text.");
        }
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static boolean isWebPost(Context ctx) {
        String type = ctx.header("Content-Type");
        return "POST".equals(ctx.method().name())
                && !ctx.path().startsWith("/v1/")
                && (type == null || !type.toLowerCase(Locale.ROOT).contains("json"));
    }

    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void requireNoNul(Map<String, List<String>> form) {
        boolean nul = form.entrySet().stream()
                .anyMatch(e ->
                        e.getKey().indexOf('\0') >= 0 || e.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0));
        if (nul) {
            throw Problem.badRequest("A form field holds a NUL character (%00), which no field may contain.");
        }
    }

    private static String shortened(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
