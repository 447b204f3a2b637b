package dev.reviewgate.cli;

import static dev.reviewgate.testing.JarProcess.find;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.Main;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Passwords;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code accounts create} on the database a running server uses: the new account's key works at
 * once, its admin can sign in, and neither account sees the other's forms.
 */
class AccountsCommandTest extends ApiTest {

    /** What one command printed, and its exit code. */
    private record Run(int exit, List<String> out, String err) {}

    @Test
    void theNewAccountsKeyWorksAndNeitherAccountSeesTheOthersForms() {
        Run run = accounts("create", "--name", "Beta", "--admin-email", "beta@example.com");
        assertThat(run.exit()).isZero();
        Api beta = api.withKey(find(run.out(), "API key:\\s+(rg_\\S+)"));

        assertThat(beta.post("/v1/forms", form("beta-form")).status()).isEqualTo(201);
        assertThat(api.post("/v1/forms", form("first-form")).status()).isEqualTo(201);

        assertThat(beta.get("/v1/forms/beta-form").status()).isEqualTo(200);
        assertThat(api.get("/v1/forms/beta-form").status()).isEqualTo(404);
        assertThat(beta.get("/v1/forms/first-form").status()).isEqualTo(404);
    }

    @Test
    void printsTheFirstAdminsLoginWithAPasswordThatSignsIn() {
        Run run = accounts(
                "create", "--name", "Gamma", "--admin-email", "gamma@example.com", "--admin-name", "Gamma Admin");
        assertThat(run.exit()).isZero();
        String accountId = find(run.out(), "Created account (acc_\\S+)");
        String password = find(run.out(), "Admin password:\\s+(\\S+)");
        assertThat(find(run.out(), "Admin login:\\s+(\\S+)")).isEqualTo("gamma@example.com");

        AccountRepository.Login login = server.app()
                .database()
                .read(h -> new AccountRepository().loginByEmail(h, "gamma@example.com"))
                .orElseThrow();
        assertThat(login.user().accountId()).isEqualTo(accountId);
        assertThat(login.user().role()).isEqualTo("admin");
        assertThat(login.user().displayName()).isEqualTo("Gamma Admin");
        assertThat(Passwords.verify(password, login.passwordHash())).isTrue();
    }

    @Test
    void anEmailAlreadyUsedInAnyAccountIsRefusedAndNothingIsWritten() {
        long accountsBefore = count("accounts");
        long keysBefore = count("api_keys");

        Run run = accounts("create", "--name", "Delta", "--admin-email", "admin@example.com");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("admin@example.com is already").doesNotContain("Exception");
        assertThat(run.out()).noneMatch(l -> l.contains("API key"));
        assertThat(count("accounts")).isEqualTo(accountsBefore);
        assertThat(count("api_keys")).isEqualTo(keysBefore);
    }

    private Run accounts(String... args) {
        List<String> command = new ArrayList<>(List.of("accounts"));
        command.addAll(List.of(args));
        command.addAll(List.of("--database-url", server.app().settings().databaseUrl()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(command.toArray(String[]::new));
        return new Run(exit, out.toString().lines().toList(), err.toString());
    }

    private long count(String table) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    private static Map<String, Object> form(String id) {
        return Map.of("id", id, "name", id, "fields", List.of(Map.of("id", "text", "type", "text")));
    }
}
