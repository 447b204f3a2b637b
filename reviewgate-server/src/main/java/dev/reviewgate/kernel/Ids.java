package dev.reviewgate.kernel;

import java.security.SecureRandom;
import java.time.InstantSource;

/**
 * The one id generator: {@code <prefix>_} + 26 Crockford base32 characters, 48 bits of
 * millisecond time then 80 random bits. Time-ordered ids keep B-tree inserts local; the random
 * part makes them unguessable across accounts.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstantSource clock;

    public Ids(InstantSource clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long time = clock.millis();
        StringBuilder out =
                new StringBuilder(prefix.length() + 27).append(prefix).append('_');
        for (int shift = 45; shift >= 0; shift -= 5) {
            out.append(ALPHABET[(int) ((time >>> shift) & 31)]);
        }
        long bits = 0;
        int available = 0;
        for (byte b : random) {
            bits = (bits << 8) | (b & 0xff);
            available += 8;
            while (available >= 5) {
                available -= 5;
                out.append(ALPHABET[(int) ((bits >>> available) & 31)]);
            }
        }
        return out.toString();
    }

    /**
     * True when {@code id} has the shape this generator makes (a lowercase prefix, {@code _}, 26
     * base32 characters). Ids read back from a cursor the client holds are checked with it, so a
     * forged one never reaches SQL as arbitrary text.
     */
    public static boolean isWellFormed(String id) {
        int underscore = id.indexOf('_');
        if (underscore < 1 || id.length() - underscore - 1 != 26) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok =
                    i < underscore ? c >= 'a' && c <= 'z' : i == underscore || new String(ALPHABET).indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code bytes} of secure randomness, for secrets. */
    public static byte[] randomBytes(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }
}
