package dev.reviewgate.cli;

import dev.reviewgate.db.Database;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Brings the schema up to date without starting the service (e.g. before a rolling deploy). */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply database migrations and exit.")
public final class MigrateCommand implements Callable<Integer> {

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        try (Database database = Database.open(storage.jdbcUrl())) {
            database.migrate();
            System.out.println(
                    "Database is up to date (" + database.dialect().name().toLowerCase(Locale.ROOT) + ").");
        }
        return 0;
    }
}
