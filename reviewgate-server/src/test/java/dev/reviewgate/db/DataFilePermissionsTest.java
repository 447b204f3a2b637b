package dev.reviewgate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reviewgate.config.Settings;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.TestServer;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite files hold every review and the hashes of every secret: after a start, only their
 * owner may read them, whatever the umask.
 */
class DataFilePermissionsTest {

    @TempDir
    Path parent;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aDataDirThatDoesNotExistIsCreatedForItsOwnerOnly() throws IOException {
        Path dataDir = parent.resolve("data");
        try (TestServer server = start(dataDir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void theDatabaseAndItsWalAndShmFilesAreForTheirOwnerOnly() throws IOException {
        Path dataDir = Files.createDirectory(parent.resolve("data"));
        try (TestServer server = start(dataDir)) {
            assertThat(server.api()
                            .post(
                                    "/v1/forms",
                                    Map.of(
                                            "id",
                                            "f",
                                            "name",
                                            "F",
                                            "fields",
                                            List.of(Map.of("id", "text", "type", "text"))))
                            .status())
                    .isEqualTo(201);

            for (String name : new String[] {"reviewgate.db", "reviewgate.db-wal", "reviewgate.db-shm"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(name))))
                        .as(name)
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anExistingDataDirKeepsTheModeItsOwnerGaveIt() throws IOException {
        Path dataDir = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-x---"));
        try (TestServer server = start(dataDir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                    .isEqualTo("rwxr-x---");
        }
    }

    private static TestServer start(Path dataDir) {
        return TestServer.start(
                TestServer.settings(
                        Settings.sqliteUrl(dataDir),
                        Settings.DEFAULT_MAX_BODY_BYTES,
                        NetworkPolicy.strict(),
                        Settings.DEFAULT_WEBHOOK_TIMEOUT),
                InstantSource.system());
    }
}
