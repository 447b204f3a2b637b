package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
 */
public final class VersionIds {

    private VersionIds() {
    }

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
        return CanonicalJson.write(tree);
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
