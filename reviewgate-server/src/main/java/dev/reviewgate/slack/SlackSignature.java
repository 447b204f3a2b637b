package dev.reviewgate.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing: {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256, keyed
 * with the app's signing secret, of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}. A request
 * more than five minutes from now (a replay) fails however well it is signed.
 */
public final class SlackSignature {

    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final long MAX_SKEW_SECONDS = 300;

    /** Why a request was refused, or that it was not. */
    public enum Check {
        VALID,
        MISSING,
        STALE,
        BAD_SIGNATURE
    }

    private SlackSignature() {}

    public static Check verify(
            String signingSecret, String timestamp, String signature, byte[] body, long nowEpochSeconds) {
        if (signingSecret == null || signingSecret.isEmpty() || timestamp == null || signature == null) {
            return Check.MISSING;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Check.STALE;
        }
        if (Math.abs(nowEpochSeconds - sent) > MAX_SKEW_SECONDS) {
            return Check.STALE;
        }
        byte[] expected = sign(signingSecret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Check.VALID : Check.BAD_SIGNATURE;
    }

    /** {@code v0=} and the hex HMAC of {@code v0:<timestamp>:<body>}. */
    public static String sign(String signingSecret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
