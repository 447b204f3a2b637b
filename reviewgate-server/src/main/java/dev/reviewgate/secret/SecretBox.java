package dev.reviewgate.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts stored channel credentials (SMTP passwords, Slack tokens and signing secrets, Teams
 * URLs) with AES-256-GCM. Each value gets a fresh 96-bit nonce, and is bound to where it is stored
 * by its associated data (say {@code acc_1/slack}), so a ciphertext copied to another row or
 * account does not decrypt. Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag).
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Supplier<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    /** {@code key} is asked for the key on first use, so a service that stores no secret needs none. */
    public SecretBox(Supplier<byte[]> key) {
        this.key = memoized(key);
    }

    public String seal(String plaintext, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, boundTo);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext of {@code stored}; fails when it was sealed with another key or for another place. */
    public String open(String stored, String boundTo) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] raw = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed secret is truncated");
        }
        byte[] nonce = java.util.Arrays.copyOf(raw, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, boundTo);
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "a stored secret does not decrypt: REVIEWGATE_SECRET_KEY (or the data directory's key file) changed",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String boundTo) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static Supplier<SecretKey> memoized(Supplier<byte[]> source) {
        return new Supplier<>() {
            private volatile SecretKey key;

            @Override
            public SecretKey get() {
                SecretKey k = key;
                if (k == null) {
                    synchronized (this) {
                        if (key == null) {
                            byte[] bytes = source.get();
                            if (bytes.length != 32) {
                                throw new IllegalStateException("the secret key must be 32 bytes, not " + bytes.length);
                            }
                            key = new SecretKeySpec(bytes, "AES");
                        }
                        k = key;
                    }
                }
                return k;
            }
        };
    }
}
