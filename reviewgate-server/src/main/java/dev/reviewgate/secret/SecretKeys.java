package dev.reviewgate.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Where the key of {@link SecretBox} comes from: {@code REVIEWGATE_SECRET_KEY} (base64 of 32 bytes),
 * else {@code secret.key} in the data directory, generated on first use with mode 0600. Instances
 * that share a PostgreSQL database must share the key: set the variable on each.
 */
public final class SecretKeys {

    static final String FILE = "secret.key";

    private SecretKeys() {}

    /** The configured key, or the data directory's key file, read (or made) when first needed. */
    public static Supplier<byte[]> of(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = decode(configured.strip(), "REVIEWGATE_SECRET_KEY");
            return () -> key.clone();
        }
        return () -> fromFile(dataDir.resolve(FILE));
    }

    /** Decodes a base64 key of 32 bytes; the message names {@code source}, never the value. */
    public static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must be base64 of 32 random bytes", e);
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(source + " must be base64 of 32 random bytes, not " + key.length);
        }
        return key;
    }

    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    /**
     * Writes a new key to a private temporary file, then moves it into place atomically: a reader
     * never sees a half-written key, and when another instance made the file first, theirs is kept.
     */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temp;
        try {
            temp = Files.createTempFile(
                    dir,
                    FILE,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(dir, FILE, ".tmp");
        }
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.WRITE);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // Another instance on the same data directory made it first: use theirs.
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
