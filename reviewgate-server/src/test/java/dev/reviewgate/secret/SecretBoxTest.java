package dev.reviewgate.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void sealsWithAFreshNonceAndOpensOnlyWhereItWasSealed() {
        byte[] key = key();
        SecretBox box = new SecretBox(() -> key);

        String a = box.seal("xoxb-secret-token", "acc_1/slack");
        String b = box.seal("xoxb-secret-token", "acc_1/slack");

        assertThat(a).startsWith("v1:").doesNotContain("xoxb").isNotEqualTo(b);
        assertThat(box.open(a, "acc_1/slack")).isEqualTo("xoxb-secret-token");
        assertThatThrownBy(() -> box.open(a, "acc_2/slack")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(SecretBoxTest::key).open(a, "acc_1/slack"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        byte[] key = key();
        SecretBox box = new SecretBox(() -> key);
        byte[] raw = Base64.getDecoder().decode(box.seal("smtp-password", "x").substring(3));
        raw[raw.length - 1] ^= 1;

        assertThatThrownBy(() -> box.open("v1:" + Base64.getEncoder().encodeToString(raw), "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyAnOwnerOnlyKeyFileIsMadeOnceAndKept(@TempDir Path dir) throws Exception {
        String sealed = new SecretBox(SecretKeys.of(null, dir)).seal("teams-url", "f");

        Path file = dir.resolve(SecretKeys.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new SecretBox(SecretKeys.of(null, dir)).open(sealed, "f")).isEqualTo("teams-url");
    }

    @Test
    void aConfiguredKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> SecretKeys.of("c2hvcnQ=", Path.of("unused")))
                .hasMessageContaining("REVIEWGATE_SECRET_KEY")
                .hasMessageNotContaining("c2hvcnQ");
        String good = Base64.getEncoder().encodeToString(key());
        assertThat(SecretKeys.of(good, Path.of("unused")).get()).hasSize(32);
    }
}
