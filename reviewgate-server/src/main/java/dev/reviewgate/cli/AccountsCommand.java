package dev.reviewgate.cli;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Ids;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accounts create}: a further tenant, set up as the first start sets up the first one. */
@Command(
        name = "accounts",
        mixinStandardHelpOptions = true,
        description = "Manage accounts.",
        subcommands = AccountsCommand.Create.class)
public final class AccountsCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Creates one account with its first admin and an API key, and prints their secrets once. */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create an account with its first admin and an API key.")
    public static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage;

        @Option(names = "--name", required = true, description = "The account's name, e.g. the team's.")
        String name;

        @Option(
                names = "--admin-email",
                required = true,
                description = "Login e-mail of the account's first admin; no user of any account may have it yet.")
        String adminEmail;

        @Option(
                names = "--admin-name",
                defaultValue = Bootstrap.DEFAULT_ADMIN_NAME,
                description = "Display name of the first admin (default " + Bootstrap.DEFAULT_ADMIN_NAME + ").")
        String adminName;

        @Override
        public Integer call() {
            try (Database database = Database.open(storage.jdbcUrl())) {
                database.migrate();
                Bootstrap accounts = new Bootstrap(
                        database, new AccountRepository(), new Ids(InstantSource.system()), InstantSource.system());
                print(accounts.createAccount(name, adminEmail, adminName));
                return 0;
            } catch (Problem refused) {
                spec.commandLine().getErr().println(refused.getMessage());
                return 1;
            }
        }

        private void print(Bootstrap.Credentials c) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created account " + c.accountId() + " (" + name + "). These secrets are shown only once.");
            out.println("  Admin login:    " + c.adminEmail());
            out.println("  Admin password: " + c.adminPassword());
            out.println("  API key:        " + c.apiKey());
            out.flush();
        }
    }
}
