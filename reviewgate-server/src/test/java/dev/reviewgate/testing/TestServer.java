package dev.reviewgate.testing;

import dev.reviewgate.app.Application;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.config.Settings;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.net.NetworkPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/** The real service on a free port over a real database, started exactly as {@code serve} starts it. */
public final class TestServer implements AutoCloseable {

    public static final String API_KEY = "rg_test_bootstrap_key_0123456789abcdef";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";

    private final Application app;

    private TestServer(Application app) {
        this.app = app;
    }

    /** A server with these settings and clock (webhook tests allow loopback and move the clock). */
    public static TestServer start(Settings settings, InstantSource clock) {
        return new TestServer(Application.start(settings, clock));
    }

    public static Settings settings(
            String databaseUrl, long maxBodyBytes, NetworkPolicy webhookNetwork, Duration webhookTimeout) {
        return new Settings(
                0,
                Path.of("build-unused"),
                databaseUrl,
                null,
                maxBodyBytes,
                API_KEY,
                ADMIN_PASSWORD,
                "admin@example.com",
                webhookNetwork,
                webhookTimeout);
    }

    public Api api() {
        return new Api(baseUrl(), API_KEY);
    }

    public String baseUrl() {
        return "http://localhost:" + app.port();
    }

    public Application app() {
        return app;
    }

    /** A second tenant with its own key, to prove nothing crosses accounts. */
    public Api otherAccountApi() {
        return newAccount().api();
    }

    /** A new account, empty but for an API key (no users at all), and a client calling with that key. */
    public record Tenant(String accountId, Api api) {}

    public Tenant newAccount() {
        InstantSource clock = InstantSource.system();
        Ids ids = new Ids(clock);
        AccountRepository accounts = new AccountRepository();
        String accountId = ids.next("acc");
        app.database().write(h -> {
            accounts.insertAccount(h, accountId, "Other", clock.millis());
            return null;
        });
        String key = new Bootstrap(app.database(), accounts, ids, clock).createApiKey(accountId, "other");
        return new Tenant(accountId, new Api(baseUrl(), key));
    }

    @Override
    public void close() {
        app.close();
    }
}
