package dev.reviewgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reviewgate.Main;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The data dir the commands create is their owner's alone, like the database inside it. */
class StorageOptionsTest {

    @TempDir
    Path parent;

    @Test
    void theDataDirACommandCreatesIsForItsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path dataDir = parent.resolve("data");

        int exit = new CommandLine(new Main()).execute("migrate", "--data-dir", dataDir.toString());

        assertThat(exit).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("reviewgate.db"))))
                .isEqualTo("rw-------");
    }
}
