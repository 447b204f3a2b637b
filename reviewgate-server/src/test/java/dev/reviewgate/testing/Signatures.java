package dev.reviewgate.testing;

import com.standardwebhooks.Webhook;
import java.util.List;
import java.util.Map;

/** Verification with the independent Standard Webhooks library, never with our own signer. */
public final class Signatures {

    private Signatures() {}

    /** True when the library accepts {@code received} for {@code secret}. */
    public static boolean verifies(String secret, Receiver.Received received) {
        return verifies(secret, received.id(), received.timestamp(), received.signature(), received.body());
    }

    public static boolean verifies(String secret, String id, String timestamp, String signature, String body) {
        try {
            new Webhook(secret)
                    .verify(
                            body,
                            Map.of(
                                    "webhook-id",
                                    List.of(id),
                                    "webhook-timestamp",
                                    List.of(timestamp),
                                    "webhook-signature",
                                    List.of(signature)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
