package dev.reviewgate.config;

import dev.reviewgate.net.NetworkPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the service can be configured with, in four groups. Built by the CLI from flags, then
 * {@code REVIEWGATE_*} environment variables, then defaults; nothing is required.
 *
 * @param http        where and how the HTTP server listens
 * @param storage     where the data lives
 * @param firstStart  the secrets of the first account, used instead of generated ones on first start
 * @param webhooks    where webhooks may go and how long an attempt may take
 * @param notifyMode  on PostgreSQL, how instances tell each other of changes: {@code listen}
 *                    (LISTEN/NOTIFY plus a poll) or {@code poll} (behind PgBouncer)
 * @param identity    how people sign in: password, single sign-on, or both
 * @param notifications the instance's e-mail and Slack channels, action links and the credentials key
 */
public record Settings(
        Http http,
        Storage storage,
        FirstStart firstStart,
        Webhooks webhooks,
        String notifyMode,
        Identity identity,
        Notifications notifications) {

    public static final String NOTIFY_LISTEN = "listen";
    public static final String NOTIFY_POLL = "poll";
    public static final String BIND_EVERY_INTERFACE = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_WEBHOOK_TIMEOUT_SECONDS = 15;
    public static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(DEFAULT_WEBHOOK_TIMEOUT_SECONDS);
    public static final String DEFAULT_ADMIN_EMAIL = "admin@reviewgate.local";

    /**
     * The HTTP connector and what it accepts.
     *
     * @param port          HTTP port ({@code 0} picks a free one)
     * @param bindAddress   the IP address the connector listens on; {@code 0.0.0.0} is every interface
     * @param publicUrl     base of the {@code link} members, without a trailing slash (null: from the port)
     * @param maxBodyBytes  request bodies above this are refused with 413
     */
    public record Http(int port, String bindAddress, String publicUrl, long maxBodyBytes) {}

    /** {@code dataDir} holds the embedded SQLite file; {@code databaseUrl} {@code jdbc:postgresql:…} selects PostgreSQL. */
    public record Storage(Path dataDir, String databaseUrl) {}

    /** Used instead of generated secrets when the first account is made; null members are generated. */
    public record FirstStart(String apiKey, String adminPassword, String adminEmail) {}

    /** Which addresses webhooks may be sent to (SSRF guard), and the time one attempt may take. */
    public record Webhooks(NetworkPolicy network, Duration timeout) {}

    /**
     * How people sign in to the web app.
     *
     * @param passwordLogin false hides the password form and refuses password sign-ins
     * @param oidc          single sign-on with an OpenID Connect provider; null when not configured
     */
    public record Identity(boolean passwordLogin, Oidc oidc) {

        public static final Identity PASSWORD_ONLY = new Identity(true, null);
    }

    /**
     * An OpenID Connect provider to sign in with (authorization code, PKCE S256).
     *
     * @param issuer       the issuer URL; its discovery document is read at start
     * @param scopes       space-separated, {@code openid email profile} by default
     * @param groupsClaim  the ID-token claim that lists the user's groups, {@code groups} by default
     * @param adminGroups  members of any of these groups are admins; empty: roles are left to admins
     */
    public record Oidc(
            String issuer,
            String clientId,
            String clientSecret,
            String scopes,
            String groupsClaim,
            List<String> adminGroups) {

        public static final String DEFAULT_SCOPES = "openid email profile";
        public static final String DEFAULT_GROUPS_CLAIM = "groups";

        public Oidc {
            adminGroups = List.copyOf(adminGroups);
        }
    }

    /** Settings with password sign-in only. */
    public Settings(Http http, Storage storage, FirstStart firstStart, Webhooks webhooks, String notifyMode) {
        this(http, storage, firstStart, webhooks, notifyMode, Identity.PASSWORD_ONLY);
    }

    /** Settings without notification channels. */
    public Settings(
            Http http,
            Storage storage,
            FirstStart firstStart,
            Webhooks webhooks,
            String notifyMode,
            Identity identity) {
        this(http, storage, firstStart, webhooks, notifyMode, identity, Notifications.NONE);
    }

    public Settings {
        if (identity == null) {
            identity = Identity.PASSWORD_ONLY;
        }
        if (notifications == null) {
            notifications = Notifications.NONE;
        }
        if (!NOTIFY_LISTEN.equals(notifyMode) && !NOTIFY_POLL.equals(notifyMode)) {
            throw new IllegalArgumentException("REVIEWGATE_NOTIFY must be listen or poll, not " + notifyMode);
        }
    }

    /** Settings that listen on every interface with the default notification mode ({@code listen}). */
    public Settings(
            int port,
            Path dataDir,
            String databaseUrl,
            String publicUrl,
            long maxBodyBytes,
            String bootstrapApiKey,
            String bootstrapAdminPassword,
            String bootstrapAdminEmail,
            NetworkPolicy webhookNetwork,
            Duration webhookTimeout) {
        this(
                new Http(port, BIND_EVERY_INTERFACE, publicUrl, maxBodyBytes),
                new Storage(dataDir, databaseUrl),
                new FirstStart(bootstrapApiKey, bootstrapAdminPassword, bootstrapAdminEmail),
                new Webhooks(webhookNetwork, webhookTimeout),
                NOTIFY_LISTEN);
    }

    /** The SQLite URL used when no database URL is configured. */
    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("reviewgate.db").toAbsolutePath();
    }

    /** The same settings on another port (tests start on port 0, then learn the real one). */
    public Settings withPublicUrlForPort(int actualPort) {
        String url = http.publicUrl() != null ? http.publicUrl() : "http://localhost:" + actualPort;
        return new Settings(
                new Http(actualPort, http.bindAddress(), url, http.maxBodyBytes()),
                storage,
                firstStart,
                webhooks,
                notifyMode,
                identity,
                notifications);
    }

    /** The same settings listening on {@code address}. */
    public Settings boundTo(String address) {
        return new Settings(
                new Http(http.port(), address, http.publicUrl(), http.maxBodyBytes()),
                storage,
                firstStart,
                webhooks,
                notifyMode,
                identity,
                notifications);
    }

    /** The same settings with another way to sign in. */
    public Settings withIdentity(Identity signIn) {
        return new Settings(http, storage, firstStart, webhooks, notifyMode, signIn, notifications);
    }

    /** The same settings with these notification channels. */
    public Settings withNotifications(Notifications channels) {
        return new Settings(http, storage, firstStart, webhooks, notifyMode, identity, channels);
    }

    public int port() {
        return http.port();
    }

    public String bindAddress() {
        return http.bindAddress();
    }

    public String publicUrl() {
        return http.publicUrl();
    }

    public long maxBodyBytes() {
        return http.maxBodyBytes();
    }

    public Path dataDir() {
        return storage.dataDir();
    }

    public String databaseUrl() {
        return storage.databaseUrl();
    }

    public NetworkPolicy webhookNetwork() {
        return webhooks.network();
    }

    public Duration webhookTimeout() {
        return webhooks.timeout();
    }
}
