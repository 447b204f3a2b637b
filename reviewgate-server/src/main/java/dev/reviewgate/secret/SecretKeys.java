package dev.reviewgate.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
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

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Path created = Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            Files.writeString(created, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // Another instance on the same data directory made it first: use theirs.
        } catch (UnsupportedOperationException e) {
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.CREATE_NEW);
        }
    }
}
