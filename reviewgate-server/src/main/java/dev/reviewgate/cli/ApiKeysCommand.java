package dev.reviewgate.cli;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Ids;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code api-keys create}: a new key for an agent; printed once, stored only as its SHA-256. */
@Command(
        name = "api-keys",
        mixinStandardHelpOptions = true,
        description = "Manage API keys.",
        subcommands = ApiKeysCommand.Create.class)
public final class ApiKeysCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Creates one API key. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an API key.")
    public static final class Create implements Callable<Integer> {

        @Mixin
        StorageOptions storage;

        @Option(names = "--name", required = true, description = "What the key is for, e.g. the agent's name.")
        String name;

        @Option(names = "--account", description = "Account id (default: the first account).")
        String account;

        @Override
        public Integer call() {
            try (Database database = Database.open(storage.jdbcUrl())) {
                database.migrate();
                Bootstrap accounts = new Bootstrap(
                        database, new AccountRepository(), new Ids(InstantSource.system()), InstantSource.system());
                String key = accounts.createApiKey(accounts.accountOrFirst(account), name);
                System.out.println("API key (shown once): " + key);
            }
            return 0;
        }
    }
}
