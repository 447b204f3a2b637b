package dev.reviewgate.auth;

import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.kernel.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** API key material: generated with 192 random bits, stored only as SHA-256, compared in constant time. */
public final class Secrets {

    public static final String API_KEY_PREFIX = "rg_";
    public static final int MIN_API_KEY_LENGTH = 24;

    private Secrets() {}

    public static String newApiKey() {
        return API_KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Ids.randomBytes(24));
    }

    public static String hash(String apiKey) {
        return CanonicalJson.sha256Hex(apiKey);
    }

    /** A short, non-secret prefix shown in listings so people can tell keys apart. */
    public static String displayPrefix(String apiKey) {
        return apiKey.substring(0, Math.min(10, apiKey.length()));
    }

    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
