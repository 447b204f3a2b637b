package dev.reviewgate.cli;

import dev.reviewgate.app.Application;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.config.Settings;
import dev.reviewgate.net.IpLiteral;
import dev.reviewgate.net.NetworkPolicy;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the service and, on first start, prints the URL, the admin login and an API key. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP service.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--port", defaultValue = "${env:REVIEWGATE_PORT:-8080}",
            description = "HTTP port (env REVIEWGATE_PORT, default 8080).")
    int port;

    @Option(names = "--bind", defaultValue = "${env:REVIEWGATE_BIND:-0.0.0.0}", converter = IpAddress.class,
            description = "IP address to listen on, e.g. 127.0.0.1 for this machine only "
                    + "(env REVIEWGATE_BIND, default 0.0.0.0: every interface).")
    String bind;

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
        Settings settings = new Settings(
                new Settings.Http(port, bind, publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", ""),
                        maxBodyBytes),
                new Settings.Storage(storage.dataDir, storage.jdbcUrl()),
                new Settings.FirstStart(env("REVIEWGATE_BOOTSTRAP_API_KEY"), env("REVIEWGATE_BOOTSTRAP_ADMIN_PASSWORD"),
                        System.getenv().getOrDefault("REVIEWGATE_BOOTSTRAP_ADMIN_EMAIL", Settings.DEFAULT_ADMIN_EMAIL)),
                new Settings.Webhooks(NetworkPolicy.parse(env("REVIEWGATE_WEBHOOK_ALLOW_PRIVATE"),
                        env("REVIEWGATE_WEBHOOK_ALLOW_CIDRS")), webhookTimeout()),
                env("REVIEWGATE_NOTIFY") == null ? Settings.NOTIFY_LISTEN : env("REVIEWGATE_NOTIFY"));
        Application app;
        try {
            app = Application.start(settings);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof BindException)) {
                throw e;
            }
            spec.commandLine().getErr().println("Cannot listen on " + bind + ":" + port + ": " + reason(e));
            return 1;
        }
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
        String address = app.bindAddress().contains(":") ? "[" + app.bindAddress() + "]" : app.bindAddress();
        System.out.println("Reviewgate is running at " + app.settings().publicUrl() + " (listening on " + address
                + ":" + app.port() + ", database: " + app.database().dialect().name().toLowerCase(Locale.ROOT) + ")");
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

    /** Javalin calls every bind failure "port already in use"; the JDK's own reason is the one to show. */
    private static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /**
     * Accepts IP addresses only, never resolving a name: a host name would need DNS at start, and
     * {@code localhost} may resolve to {@code ::1} on one machine and {@code 127.0.0.1} on another.
     */
    static final class IpAddress implements ITypeConverter<String> {

        @Override
        public String convert(String value) {
            Optional<InetAddress> address;
            try {
                address = IpLiteral.parse(value.trim());
            } catch (IllegalArgumentException e) {
                address = Optional.empty();
            }
            return address.map(InetAddress::getHostAddress).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not an IP address such as 127.0.0.1, 0.0.0.0 or ::1 (--bind, REVIEWGATE_BIND)"));
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
