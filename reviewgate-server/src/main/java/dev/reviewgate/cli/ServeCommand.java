package dev.reviewgate.cli;

import dev.reviewgate.app.Application;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.config.Settings;
import dev.reviewgate.net.IpLiteral;
import dev.reviewgate.net.NetworkPolicy;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Starts the service and, on first start, prints the URL, the admin login and an API key. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP service.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NotificationOptions notificationOptions = new NotificationOptions();

    @Mixin
    StorageOptions storage;

    @Option(
            names = "--port",
            defaultValue = "${env:REVIEWGATE_PORT:-" + Settings.DEFAULT_PORT + "}",
            description = "HTTP port (env REVIEWGATE_PORT, default 8080).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "${env:REVIEWGATE_BIND:-" + Settings.BIND_EVERY_INTERFACE + "}",
            converter = IpAddress.class,
            description = "IP address to listen on, e.g. 127.0.0.1 for this machine only "
                    + "(env REVIEWGATE_BIND, default 0.0.0.0: every interface).")
    String bind;

    @Option(
            names = "--public-url",
            defaultValue = "${env:REVIEWGATE_PUBLIC_URL}",
            description = "Base URL used in links (env REVIEWGATE_PUBLIC_URL, default http://localhost:<port>).")
    String publicUrl;

    @Option(
            names = "--max-body-bytes",
            defaultValue = "${env:REVIEWGATE_MAX_BODY_BYTES:-" + Settings.DEFAULT_MAX_BODY_BYTES + "}",
            description =
                    "Largest request body accepted; larger ones get 413 (env REVIEWGATE_MAX_BODY_BYTES, default 1 MiB).")
    long maxBodyBytes;

    // The settings below come from the environment (secrets should not be on a command line); they
    // are read through picocli all the same, so every setting has one path and its default once.

    @Option(names = "--bootstrap-api-key", hidden = true, defaultValue = "${env:REVIEWGATE_BOOTSTRAP_API_KEY}")
    String bootstrapApiKey;

    @Option(
            names = "--bootstrap-admin-password",
            hidden = true,
            defaultValue = "${env:REVIEWGATE_BOOTSTRAP_ADMIN_PASSWORD}")
    String bootstrapAdminPassword;

    @Option(
            names = "--bootstrap-admin-email",
            hidden = true,
            defaultValue = "${env:REVIEWGATE_BOOTSTRAP_ADMIN_EMAIL:-" + Settings.DEFAULT_ADMIN_EMAIL + "}")
    String bootstrapAdminEmail;

    @Option(names = "--webhook-allow-private", hidden = true, defaultValue = "${env:REVIEWGATE_WEBHOOK_ALLOW_PRIVATE}")
    String webhookAllowPrivate;

    @Option(names = "--webhook-allow-cidrs", hidden = true, defaultValue = "${env:REVIEWGATE_WEBHOOK_ALLOW_CIDRS}")
    String webhookAllowCidrs;

    @Option(
            names = "--webhook-timeout-seconds",
            hidden = true,
            defaultValue =
                    "${env:REVIEWGATE_WEBHOOK_TIMEOUT_SECONDS:-" + Settings.DEFAULT_WEBHOOK_TIMEOUT_SECONDS + "}")
    int webhookTimeoutSeconds;

    @Option(
            names = "--notify",
            hidden = true,
            defaultValue = "${env:REVIEWGATE_NOTIFY:-" + Settings.NOTIFY_LISTEN + "}")
    String notifyMode;

    @Option(names = "--oidc-issuer", hidden = true, defaultValue = "${env:REVIEWGATE_OIDC_ISSUER}")
    String oidcIssuer;

    @Option(names = "--oidc-client-id", hidden = true, defaultValue = "${env:REVIEWGATE_OIDC_CLIENT_ID}")
    String oidcClientId;

    @Option(names = "--oidc-client-secret", hidden = true, defaultValue = "${env:REVIEWGATE_OIDC_CLIENT_SECRET}")
    String oidcClientSecret;

    @Option(
            names = "--oidc-scopes",
            hidden = true,
            defaultValue = "${env:REVIEWGATE_OIDC_SCOPES:-" + Settings.Oidc.DEFAULT_SCOPES + "}")
    String oidcScopes;

    @Option(
            names = "--oidc-groups-claim",
            hidden = true,
            defaultValue = "${env:REVIEWGATE_OIDC_GROUPS_CLAIM:-" + Settings.Oidc.DEFAULT_GROUPS_CLAIM + "}")
    String oidcGroupsClaim;

    @Option(names = "--oidc-admin-groups", hidden = true, defaultValue = "${env:REVIEWGATE_OIDC_ADMIN_GROUPS}")
    String oidcAdminGroups;

    @Option(names = "--password-login", hidden = true, defaultValue = "${env:REVIEWGATE_PASSWORD_LOGIN:-true}")
    String passwordLogin;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = settings();
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
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            stopped.countDown();
                        },
                        "reviewgate-shutdown"));
        print(app);
        stopped.await();
        return 0;
    }

    private static void print(Application app) {
        String address = app.bindAddress().contains(":") ? "[" + app.bindAddress() + "]" : app.bindAddress();
        System.out.println("Reviewgate is running at " + app.settings().publicUrl() + " (listening on " + address + ":"
                + app.port() + ", database: " + app.database().dialect().name().toLowerCase(Locale.ROOT) + ")");
        app.credentials().ifPresent(ServeCommand::printFirstStart);
        System.out.flush();
    }

    private static void printFirstStart(Bootstrap.Credentials c) {
        System.out.println();
        System.out.println("First start: created account " + c.accountId() + ". These secrets are shown only once.");
        System.out.println("  Admin login:    " + c.adminEmail());
        System.out.println("  Admin password: "
                + (c.passwordGenerated() ? c.adminPassword() : "(from REVIEWGATE_BOOTSTRAP_ADMIN_PASSWORD)"));
        System.out.println(
                "  API key:        " + (c.apiKeyGenerated() ? c.apiKey() : "(from REVIEWGATE_BOOTSTRAP_API_KEY)"));
        System.out.println();
    }

    /** The settings as given; a value out of range is a usage error naming its flag or variable, not a stack trace. */
    private Settings settings() {
        if (maxBodyBytes < 1024) {
            throw usage("--max-body-bytes (REVIEWGATE_MAX_BODY_BYTES) must be at least 1024");
        }
        if (webhookTimeoutSeconds < 1 || webhookTimeoutSeconds > 60) {
            throw usage("REVIEWGATE_WEBHOOK_TIMEOUT_SECONDS must be 1 to 60");
        }
        if (!Settings.NOTIFY_LISTEN.equals(notifyMode) && !Settings.NOTIFY_POLL.equals(notifyMode)) {
            throw usage("REVIEWGATE_NOTIFY must be " + Settings.NOTIFY_LISTEN + " or " + Settings.NOTIFY_POLL);
        }
        NetworkPolicy network;
        try {
            network = NetworkPolicy.parse(blankAsNull(webhookAllowPrivate), blankAsNull(webhookAllowCidrs));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String url = blankAsNull(publicUrl);
        return new Settings(
                new Settings.Http(port, bind, url == null ? null : url.replaceAll("/+$", ""), maxBodyBytes),
                new Settings.Storage(storage.dataDir, storage.jdbcUrl()),
                new Settings.FirstStart(
                        blankAsNull(bootstrapApiKey), blankAsNull(bootstrapAdminPassword), bootstrapAdminEmail),
                new Settings.Webhooks(network, Duration.ofSeconds(webhookTimeoutSeconds)),
                notifyMode,
                identity(),
                notifications());
    }

    private Notifications notifications() {
        try {
            return notificationOptions.notifications();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** Password sign-in and, with an issuer, single sign-on; each mistake named by its variable. */
    private Settings.Identity identity() {
        if (!"true".equals(passwordLogin) && !"false".equals(passwordLogin)) {
            throw usage("REVIEWGATE_PASSWORD_LOGIN must be true or false");
        }
        boolean password = "true".equals(passwordLogin);
        String issuer = blankAsNull(oidcIssuer);
        if (issuer == null) {
            if (!password) {
                throw usage("REVIEWGATE_PASSWORD_LOGIN=false needs single sign-on: set REVIEWGATE_OIDC_ISSUER");
            }
            return new Settings.Identity(true, null);
        }
        if (blankAsNull(oidcClientId) == null) {
            throw usage("REVIEWGATE_OIDC_ISSUER needs REVIEWGATE_OIDC_CLIENT_ID");
        }
        if (!List.of(oidcScopes.trim().split("\\s+")).contains("openid")) {
            throw usage("REVIEWGATE_OIDC_SCOPES must include openid");
        }
        List<String> adminGroups = oidcAdminGroups == null
                ? List.of()
                : Stream.of(oidcAdminGroups.split(","))
                        .map(String::trim)
                        .filter(g -> !g.isEmpty())
                        .toList();
        return new Settings.Identity(
                password,
                new Settings.Oidc(
                        issuer,
                        oidcClientId.trim(),
                        blankAsNull(oidcClientSecret),
                        oidcScopes.trim(),
                        oidcGroupsClaim.trim(),
                        adminGroups));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
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
            return address.map(InetAddress::getHostAddress)
                    .orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + value
                            + "' is not an IP address such as 127.0.0.1, 0.0.0.0 or ::1 (--bind, REVIEWGATE_BIND)"));
        }
    }

    /** An empty variable counts as unset, as for every other setting. */
    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
