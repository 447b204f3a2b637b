package dev.reviewgate.webhook;

import static dev.reviewgate.testing.Signatures.verifies;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Our signatures, checked by the independent Standard Webhooks library. */
class SignerTest {

    private static final String BODY = "{\"type\":\"review\",\"response\":\"approved\"}";
    private final String secret = Signer.newSecret();
    private final long now = System.currentTimeMillis() / 1000;

    @Test
    void aSecretIsWhsecAndAtLeast24RandomBytes() {
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Signer.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void theLibraryVerifiesOurSignature() {
        String signature = Signer.signature(List.of(secret), "msg_1", now, BODY);
        assertThat(signature).startsWith("v1,");
        assertThat(verifies(secret, "msg_1", Long.toString(now), signature, BODY))
                .isTrue();
    }

    @Test
    void aTamperedBodyAWrongSecretOrAnotherIdFail() {
        String signature = Signer.signature(List.of(secret), "msg_1", now, BODY);
        assertThat(verifies(secret, "msg_1", Long.toString(now), signature, BODY.replace("approved", "rejected")))
                .isFalse();
        assertThat(verifies(Signer.newSecret(), "msg_1", Long.toString(now), signature, BODY))
                .isFalse();
        assertThat(verifies(secret, "msg_2", Long.toString(now), signature, BODY))
                .isFalse();
    }

    @Test
    void aTimestampTenMinutesOffFails() {
        long stale = now - 600;
        String signature = Signer.signature(List.of(secret), "msg_1", stale, BODY);
        assertThat(verifies(secret, "msg_1", Long.toString(stale), signature, BODY))
                .isFalse();
    }

    @Test
    void duringARotationBothSecretsVerify() {
        String next = Signer.newSecret();
        String signature = Signer.signature(List.of(next, secret), "msg_1", now, BODY);
        assertThat(signature.split(" ")).hasSize(2);
        assertThat(verifies(secret, "msg_1", Long.toString(now), signature, BODY))
                .isTrue();
        assertThat(verifies(next, "msg_1", Long.toString(now), signature, BODY)).isTrue();
    }

    @Test
    void theScheduleIsImmediateThen5s5m30m2h5h10h10h() {
        assertThat(RetrySchedule.MAX_ATTEMPTS).isEqualTo(8);
        long[] expected = {5, 300, 1800, 7200, 18000, 36000, 36000};
        for (int failed = 1; failed < 8; failed++) {
            long seconds =
                    RetrySchedule.next(failed, Optional.empty()).orElseThrow().toSeconds();
            assertThat(seconds).isBetween((long) (expected[failed - 1] * 0.9) - 1, (long) (expected[failed - 1] * 1.1));
        }
        assertThat(RetrySchedule.next(8, Optional.empty())).isEmpty();
        assertThat(RetrySchedule.next(1, Optional.of(Duration.ofMinutes(2)))).contains(Duration.ofMinutes(2));
    }
}
