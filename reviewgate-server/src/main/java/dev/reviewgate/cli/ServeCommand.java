package dev.reviewgate.cli;

import dev.reviewgate.app.Application;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.config.Settings;
import dev.reviewgate.webhook.NetworkPolicy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the service and, on first start, prints the URL, the admin login and an API key. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP service.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    StorageOptions storage;

    @Option(names = "--port", defaultValue = "${env:REVIEWGATE_PORT:-8080}",
            description = "HTTP port (env REVIEWGATE_PORT, default 8080).")
    int port;

    @Option(names = "--public-url", defaultValue = "${env:REVIEWGATE_PUBLIC_URL}",
            description = "Base URL used in links (env REVIEWGATE_PUBLIC_URL, default http://localhost:<port>).")
    String publicUrl;

    @Option(names = "--max-body-bytes", defaultValue = "${env:REVIEWGATE_MAX_BODY_BYTES:-1048576}",
            description = "Largest request body accepted; larger ones get 413 (env REVIEWGATE_MAX_BODY_BYTES, default 1 MiB).")
    long maxBodyBytes;

    @Override
    public Integer call() throws InterruptedException {
        if (maxBodyBytes < 1024) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--max-body-bytes (REVIEWGATE_MAX_BODY_BYTES) must be at least 1024");
        }
        Settings settings = new Settings(port, storage.dataDir, storage.jdbcUrl(),
                publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", ""),
                maxBodyBytes, env("REVIEWGATE_BOOTSTRAP_API_KEY"), env("REVIEWGATE_BOOTSTRAP_ADMIN_PASSWORD"),
                System.getenv().getOrDefault("REVIEWGATE_BOOTSTRAP_ADMIN_EMAIL", "admin@reviewgate.local"),
                NetworkPolicy.parse(env("REVIEWGATE_WEBHOOK_ALLOW_PRIVATE"), env("REVIEWGATE_WEBHOOK_ALLOW_CIDRS")),
                webhookTimeout(), env("REVIEWGATE_NOTIFY") == null ? Settings.NOTIFY_LISTEN : env("REVIEWGATE_NOTIFY"),
                Settings.BIND_EVERY_INTERFACE);
        Application app = Application.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "reviewgate-shutdown"));
        print(app);
        stopped.await();
        return 0;
    }

    private static void print(Application app) {
        System.out.println("Reviewgate is running at " + app.settings().publicUrl()
                + " (database: " + app.database().dialect().name().toLowerCase() + ")");
        app.credentials().ifPresent(ServeCommand::printFirstStart);
        System.out.flush();
    }

    private static void printFirstStart(Bootstrap.Credentials c) {
        System.out.println();
        System.out.println("First start: created account " + c.accountId() + ". These secrets are shown only once.");
        System.out.println("  Admin login:    " + c.adminEmail());
        System.out.println("  Admin password: " + (c.passwordGenerated() ? c.adminPassword() : "(from REVIEWGATE_BOOTSTRAP_ADMIN_PASSWORD)"));
        System.out.println("  API key:        " + (c.apiKeyGenerated() ? c.apiKey() : "(from REVIEWGATE_BOOTSTRAP_API_KEY)"));
        System.out.println();
    }

    private static java.time.Duration webhookTimeout() {
        String raw = env("REVIEWGATE_WEBHOOK_TIMEOUT_SECONDS");
        if (raw == null) {
            return Settings.DEFAULT_WEBHOOK_TIMEOUT;
        }
        long seconds = Long.parseLong(raw.trim());
        if (seconds < 1 || seconds > 60) {
            throw new IllegalArgumentException("REVIEWGATE_WEBHOOK_TIMEOUT_SECONDS must be 1 to 60");
        }
        return java.time.Duration.ofSeconds(seconds);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
