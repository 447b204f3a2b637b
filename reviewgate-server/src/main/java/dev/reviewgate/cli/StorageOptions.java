package dev.reviewgate.cli;

import dev.reviewgate.config.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives: shared by every command. A flag wins over its environment variable. */
public final class StorageOptions {

    @Option(
            names = "--data-dir",
            defaultValue = "${env:REVIEWGATE_DATA_DIR:-./data}",
            description = "Directory of the embedded SQLite database (env REVIEWGATE_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(
            names = "--database-url",
            defaultValue = "${env:REVIEWGATE_DATABASE_URL}",
            description =
                    "JDBC URL; jdbc:postgresql://… selects PostgreSQL (env REVIEWGATE_DATABASE_URL, default SQLite in the data dir).")
    String databaseUrl;

    /** The JDBC URL to use; opening the database creates the data dir, for its owner only. */
    String jdbcUrl() {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return databaseUrl;
        }
        return Settings.sqliteUrl(dataDir);
    }
}
