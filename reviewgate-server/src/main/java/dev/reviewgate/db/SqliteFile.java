package dev.reviewgate.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file holds every review and the hashes of every secret, so it is created for its owner
 * only, in a directory for its owner only, before SQLite first opens it. SQLite gives the
 * {@code -wal} and {@code -shm} files the main file's permissions, so they follow. A directory or
 * file that already exists is the operator's: it is left as it is, with a warning when others may
 * read it.
 */
final class SqliteFile {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteFile.class);
    private static final String PREFIX = "jdbc:sqlite:";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private SqliteFile() {}

    /** Creates the file {@code jdbcUrl} names, and its directory, unless they exist. */
    static void prepare(String jdbcUrl) {
        Optional<Path> named = path(jdbcUrl);
        if (named.isEmpty()) {
            return;
        }
        Path file = named.get().toAbsolutePath();
        Path dir = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (Files.isDirectory(dir)) {
                warnIfOthersMayRead(dir, posix, "700");
            } else {
                Files.createDirectories(dir, ownerOnly(posix, "rwx------"));
            }
            if (Files.exists(file)) {
                warnIfOthersMayRead(file, posix, "600");
            } else {
                createEmpty(file, posix);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the database file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file of a plain {@code jdbc:sqlite:<path>} URL; empty for in-memory and {@code file:} URI forms. */
    static Optional<Path> path(String jdbcUrl) {
        String rest = jdbcUrl.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String name = query < 0 ? rest : rest.substring(0, query);
        if (name.isEmpty() || name.startsWith(":memory:") || name.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }

    private static void createEmpty(Path file, boolean posix) throws IOException {
        try {
            // SQLite takes an empty file for an empty database.
            Files.createFile(file, ownerOnly(posix, "rw-------"));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // another instance on the same file won the race; the file is theirs and fine
        }
    }

    private static FileAttribute<?>[] ownerOnly(boolean posix, String mode) {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }

    private static void warnIfOthersMayRead(Path path, boolean posix, String mode) throws IOException {
        if (!posix) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            LOG.warn(
                    "{} is open to group or others ({}); 'chmod {}' it to keep the database private",
                    path,
                    PosixFilePermissions.toString(permissions),
                    mode);
        }
    }
}
