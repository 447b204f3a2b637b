package dev.reviewgate.cli;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.auth.Passwords;
import dev.reviewgate.auth.Users;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Ids;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code users create}: adds a reviewer or admin who signs in to the web app. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Manage users.",
        subcommands = UsersCommand.Create.class)
public final class UsersCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Creates one user; the password comes from REVIEWGATE_USER_PASSWORD or is generated and printed. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user.")
    public static final class Create implements Callable<Integer> {

        @Mixin
        StorageOptions storage;

        @Option(names = "--email", required = true, description = "Login e-mail.")
        String email;

        @Option(names = "--name", description = "Display name (default: the e-mail).")
        String name;

        @Option(names = "--role", defaultValue = "reviewer", description = "reviewer or admin (default reviewer).")
        String role;

        @Option(names = "--account", description = "Account id (default: the first account).")
        String account;

        @Override
        public Integer call() {
            String given = System.getenv("REVIEWGATE_USER_PASSWORD");
            String password = given == null || given.isBlank() ? Passwords.generate() : given;
            try (Database database = Database.open(storage.jdbcUrl())) {
                database.migrate();
                AccountRepository repository = new AccountRepository();
                Ids ids = new Ids(InstantSource.system());
                Bootstrap accounts = new Bootstrap(database, repository, ids, InstantSource.system());
                String userId;
                try {
                    userId = new Users(database, repository, ids, InstantSource.system())
                            .create(
                                    accounts.accountOrFirst(account),
                                    email,
                                    name == null ? email : name,
                                    role,
                                    password);
                } catch (Problem problem) {
                    System.err.println(problem.detail());
                    return 1;
                }
                System.out.println("Created " + role + " " + email + " (" + userId + ").");
                if (given == null || given.isBlank()) {
                    System.out.println("Password (shown once): " + password);
                }
            }
            return 0;
        }
    }
}
