package dev.reviewgate.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JCS) canonical form and the content address of a snapshot:
 * {@code versionId = lowercase hex SHA-256 of the UTF-8 canonical JSON}.
 *
 * <p>JCS serialises numbers as IEEE-754 doubles, so a number that a double cannot hold exactly would
 * be hashed as a different value than the one stored. {@link #unrepresentableNumbers} finds those
 * (integers beyond ±2^53, decimals that do not survive a round trip, NaN, Infinity) so callers can
 * refuse them with a 422 instead of hashing a value nobody sent.
 */
public final class CanonicalJson {

    private static final BigInteger MAX_SAFE = BigInteger.valueOf((1L << 53));

    private CanonicalJson() {}

    /** The canonical UTF-8 text of {@code node}. Callers must have checked its numbers first. */
    public static String canonicalize(JsonNode node) {
        if (!node.isContainerNode()) {
            // The canonicalizer only accepts an object or array at the top; a scalar is canonical
            // exactly as it is inside a one-element array.
            String wrapped = canonicalize(Json.array().add(node));
            return wrapped.substring(1, wrapped.length() - 1);
        }
        try {
            return new JsonCanonicalizer(Json.write(node)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not canonicalisable: " + e.getMessage(), e);
        }
    }

    /** The content address of a snapshot. */
    public static String versionId(JsonNode snapshot) {
        return sha256Hex(canonicalize(snapshot));
    }

    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Every number in {@code node} that JCS cannot represent exactly, located under {@code base}. */
    public static List<Violation> unrepresentableNumbers(JsonNode node, String base) {
        List<Violation> out = new ArrayList<>();
        collect(node, base, out);
        return out;
    }

    private static void collect(JsonNode node, String pointer, List<Violation> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), Violation.child(pointer, e.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), Violation.child(pointer, i), out);
            }
        } else if (node.isNumber() && !exact(node)) {
            out.add(
                    new Violation(
                            pointer,
                            "number " + node.asText()
                                    + " cannot be represented exactly in canonical JSON (RFC 8785 numbers are IEEE-754 doubles; integers must be within ±2^53)"));
        }
    }

    private static boolean exact(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().abs().compareTo(MAX_SAFE) <= 0;
        }
        if (number.isDouble() || number.isFloat()) {
            return Double.isFinite(number.doubleValue());
        }
        BigDecimal value = number.decimalValue();
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            return false;
        }
        return new BigDecimal(Double.toString(d)).compareTo(value) == 0;
    }
}
