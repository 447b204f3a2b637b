package dev.reviewgate.webhook;

import dev.reviewgate.kernel.Ids;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,<base64 HMAC-SHA256(key, "id.timestamp.body")>}, where the
 * key is the base64 part of a {@code whsec_} secret. During a rotation every live secret signs and
 * the signatures are space-separated, so receivers holding either secret verify.
 */
public final class Signer {

    public static final String PREFIX = "whsec_";

    private Signer() {}

    /** A new secret: {@code whsec_} + base64 of 32 random bytes. */
    public static String newSecret() {
        return PREFIX + Base64.getEncoder().encodeToString(Ids.randomBytes(32));
    }

    /** The {@code webhook-signature} header value for one message. */
    public static String signature(List<String> secrets, String messageId, long timestampSeconds, String body) {
        String signed = messageId + "." + timestampSeconds + "." + body;
        return secrets.stream().map(secret -> "v1," + hmac(secret, signed)).collect(Collectors.joining(" "));
    }

    private static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
