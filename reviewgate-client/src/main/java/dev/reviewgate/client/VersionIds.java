package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Content-hash version ids, computed client-side exactly as the server does:
 * {@code versionId = lowercase hex SHA-256 of the UTF-8 RFC 8785 (JCS) canonical JSON of the snapshot}.
 * Use it to know the id of what you are about to submit, or to check that an approved version is
 * the content you hold.
 *
 * <pre>{@code
 * String id = VersionIds.of(Map.of("total_amount", 325, "vendor_name", "Acme Corp"));
 * // 48132baa…, the same as printf '%s' '{"total_amount":325,"vendor_name":"Acme Corp"}' | sha256sum
 * }</pre>
 *
 * The canonical form comes from the same RFC 8785 library the server uses
 * ({@code io.github.erdtman:java-json-canonicalization}), fed the JSON text the SDK would send.
 */
public final class VersionIds {

    private static final BigInteger MAX_SAFE = BigInteger.ONE.shiftLeft(53);

    private VersionIds() {}

    /**
     * The version id of a snapshot.
     *
     * @param snapshot a map, record, {@code JsonNode} or any value the SDK's JSON mapper can write
     * @return 64 lowercase hex characters
     * @throws IllegalArgumentException for NaN, infinities and integers beyond ±2^53, which canonical JSON cannot hold
     */
    public static String of(Object snapshot) {
        return sha256Hex(canonicalJson(snapshot));
    }

    /**
     * The version id of a snapshot given as JSON text.
     *
     * @param json the snapshot's JSON text, in any formatting
     * @return 64 lowercase hex characters
     * @throws IllegalArgumentException when the text is not JSON, or for numbers canonical JSON cannot hold
     */
    public static String ofJson(String json) {
        return of(Json.parse(json));
    }

    /**
     * The RFC 8785 canonical JSON text of a value, the exact text that is hashed.
     *
     * @param value a map, record, {@code JsonNode} or any value the SDK's JSON mapper can write
     * @return the canonical text
     * @throws IllegalArgumentException for numbers canonical JSON cannot hold
     */
    public static String canonicalJson(Object value) {
        JsonNode tree = Json.tree(value);
        requireRepresentable(tree);
        if (!tree.isContainerNode()) {
            // The library accepts only an object or array at the top; a scalar is canonical exactly
            // as it is inside a one-element array (the server does the same).
            String wrapped = canonicalize(Json.MAPPER.createArrayNode().add(tree));
            return wrapped.substring(1, wrapped.length() - 1);
        }
        return canonicalize(tree);
    }

    private static String canonicalize(JsonNode container) {
        try {
            return new JsonCanonicalizer(Json.write(container)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("no canonical JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, before any text is written, what the library would silently misread: Jackson writes
     * NaN and infinities as strings, and the library reads every number as a double, so an integer
     * beyond ±2^53 would be hashed as a neighbour nobody sent (the server refuses these with 422).
     */
    private static void requireRepresentable(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                requireRepresentable(child);
            }
        } else if (node.isIntegralNumber()) {
            if (node.bigIntegerValue().abs().compareTo(MAX_SAFE) > 0) {
                throw new IllegalArgumentException(
                        "integer " + node.asText() + " is beyond ±2^53 and cannot be represented in canonical JSON");
            }
        } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("canonical JSON has no " + node.asText() + " (RFC 8785 §3.2.2.3)");
        }
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
