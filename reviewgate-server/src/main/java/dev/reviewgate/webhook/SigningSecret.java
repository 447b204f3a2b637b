package dev.reviewgate.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A current secret and, for a day after a rotation, the previous one. Both sign while both are
 * live, so receivers can switch at their own pace.
 */
public record SigningSecret(String secret, String previousSecret, Long rotatedAt) {

    public static final Duration OVERLAP = Duration.ofHours(24);

    /** The secrets that sign a message sent at {@code now}. */
    public List<String> signingSecrets(long now) {
        List<String> out = new ArrayList<>(List.of(secret));
        if (previousSecret != null && rotatedAt != null && now - rotatedAt < OVERLAP.toMillis()) {
            out.add(previousSecret);
        }
        return out;
    }
}
