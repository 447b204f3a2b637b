package dev.reviewgate;

import dev.reviewgate.cli.AccountsCommand;
import dev.reviewgate.cli.ApiKeysCommand;
import dev.reviewgate.cli.MigrateCommand;
import dev.reviewgate.cli.ServeCommand;
import dev.reviewgate.cli.UsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar reviewgate.jar <command>}: the service's entry point. */
@Command(
        name = "reviewgate",
        mixinStandardHelpOptions = true,
        version = "Reviewgate 0.1.0",
        description = "Self-hosted human review gate for AI agents.",
        subcommands = {
            ServeCommand.class,
            MigrateCommand.class,
            AccountsCommand.class,
            UsersCommand.class,
            ApiKeysCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
