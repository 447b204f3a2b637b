package dev.reviewgate.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.reviewgate.error.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as strict JSON: UTF-8 only, exactly one value, valid Unicode. Every refusal
 * is a 400 (or a 422 with a pointer for an unpaired surrogate) in our own words: the parser's
 * messages name its classes and switches, which mean nothing to a client and leak internals.
 *
 * <p>The bytes are decoded by the JDK's strict decoder first because the JSON parser accepts
 * overlong UTF-8 ({@code C0 AF} read as {@code /}): two different bodies would then store, and
 * hash, the same text.
 */
final class RequestJson {

    /** Trailing content is checked here, so the reader leaves it to us and we can say where it is. */
    private static final ObjectReader READER =
            Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final StreamReadConstraints LIMITS = Json.MAPPER.getFactory().streamReadConstraints();

    private RequestJson() {}

    static JsonNode parse(byte[] body) {
        String text = utf8(body);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            // RFC 8259 §8.1 lets a parser ignore a byte order mark; clients do send one.
            text = text.substring(1);
        }
        JsonNode node = read(text);
        Problem.throwIfAny(TextValidity.find(node));
        return node;
    }

    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw Problem.badRequest("The request body is not valid UTF-8: byte " + in.position()
                    + " starts an invalid sequence. JSON bodies must be UTF-8.");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static JsonNode read(String text) {
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            JsonNode node = readValue(parser, text);
            if (node == null || node.isMissingNode()) {
                throw Problem.badRequest("The request body is empty; a JSON object was expected.");
            }
            requireEnd(parser);
            return node;
        } catch (IOException e) {
            throw Problem.badRequest("The request body could not be read as JSON.");
        }
    }

    private static JsonNode readValue(JsonParser parser, String text) throws IOException {
        try {
            return READER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest(describe(e, parser, text));
        } catch (NumberFormatException e) {
            // An exponent beyond what BigDecimal holds (1e99999999999) fails outside the parser's own errors.
            throw Problem.badRequest("The request body holds a number too large or too small to read.");
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        JsonLocation at;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            at = parser.currentTokenLocation();
        } catch (JsonProcessingException e) {
            at = e.getLocation();
        }
        throw Problem.badRequest("The body must be a single JSON value; found more after it" + where(at) + ".");
    }

    private static String describe(JsonProcessingException e, JsonParser parser, String text) throws IOException {
        String at = where(e.getLocation()) + inMember(parser);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return limit(message) + at + ".";
        }
        if (e instanceof JsonEOFException) {
            return "The request body ends before its JSON value is complete" + at + ".";
        }
        if (e instanceof MismatchedInputException && message.startsWith("Duplicate field")) {
            return "The request body has the member \"" + shortened(parser.currentName()) + "\" twice in one object"
                    + at + "; a member name may appear once.";
        }
        return "The request body is not valid JSON: " + unexpected(e.getLocation(), text) + at + ".";
    }

    private static String limit(String message) {
        if (message.contains("nesting depth")) {
            return "The request body nests arrays and objects deeper than " + LIMITS.getMaxNestingDepth() + " levels";
        }
        if (message.startsWith("Number")) {
            return "A number in the request body is longer than " + LIMITS.getMaxNumberLength() + " characters";
        }
        if (message.startsWith("Name")) {
            return "A member name in the request body is longer than " + LIMITS.getMaxNameLength() + " characters";
        }
        if (message.startsWith("String")) {
            return "A string in the request body is longer than " + LIMITS.getMaxStringLength() + " characters";
        }
        return "The request body exceeds what this server reads as JSON";
    }

    /** The character the parser stopped at, named so that an invisible one can be seen. */
    private static String unexpected(JsonLocation location, String text) {
        long offset = location == null ? -1 : location.getCharOffset();
        if (offset < 0 || offset >= text.length()) {
            return "unexpected input";
        }
        int c = text.codePointAt((int) offset);
        String code = String.format("U+%04X", c);
        if (Character.isISOControl(c)) {
            return "unexpected control character " + code + " (inside a string, write it escaped)";
        }
        return "unexpected character " + code + (c > 0x20 && c < 0x7F ? " (" + (char) c + ")" : "");
    }

    private static String shortened(String name) {
        return name == null || name.length() <= 100 ? String.valueOf(name) : name.substring(0, 100) + "…";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String inMember(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "" : " (in " + shortened(pointer) + ")";
    }
}
