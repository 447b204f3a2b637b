package dev.reviewgate.config;

import dev.reviewgate.net.NetworkPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the service can be configured with. Built by the CLI from flags, then
 * {@code REVIEWGATE_*} environment variables, then defaults; nothing is required.
 *
 * @param port                    HTTP port ({@code 0} picks a free one)
 * @param dataDir                 where the embedded SQLite file lives
 * @param databaseUrl             JDBC URL; {@code jdbc:postgresql:…} selects PostgreSQL
 * @param publicUrl               base of the {@code link} members, without a trailing slash
 * @param maxBodyBytes            request bodies above this are refused with 413
 * @param bootstrapApiKey         used instead of a generated key on first start, or null
 * @param bootstrapAdminPassword  used instead of a generated password on first start, or null
 * @param bootstrapAdminEmail     the first admin's login
 * @param webhookNetwork          which addresses webhooks may be sent to (SSRF guard)
 * @param webhookTimeout          the time one webhook attempt may take
 * @param notifyMode              on PostgreSQL, how instances tell each other of changes:
 *                                {@code listen} (LISTEN/NOTIFY plus a poll) or {@code poll} (behind PgBouncer)
 * @param bindAddress             the IP address the HTTP connector listens on; {@code 0.0.0.0} is every interface
 */
public record Settings(int port, Path dataDir, String databaseUrl, String publicUrl, long maxBodyBytes,
                       String bootstrapApiKey, String bootstrapAdminPassword, String bootstrapAdminEmail,
                       NetworkPolicy webhookNetwork, Duration webhookTimeout, String notifyMode, String bindAddress) {

    public static final String NOTIFY_LISTEN = "listen";
    public static final String NOTIFY_POLL = "poll";
    public static final String BIND_EVERY_INTERFACE = "0.0.0.0";

    public Settings {
        if (!NOTIFY_LISTEN.equals(notifyMode) && !NOTIFY_POLL.equals(notifyMode)) {
            throw new IllegalArgumentException("REVIEWGATE_NOTIFY must be listen or poll, not " + notifyMode);
        }
    }

    /** Settings with the default notification mode ({@code listen}), listening on every interface. */
    public Settings(int port, Path dataDir, String databaseUrl, String publicUrl, long maxBodyBytes,
                    String bootstrapApiKey, String bootstrapAdminPassword, String bootstrapAdminEmail,
                    NetworkPolicy webhookNetwork, Duration webhookTimeout) {
        this(port, dataDir, databaseUrl, publicUrl, maxBodyBytes, bootstrapApiKey, bootstrapAdminPassword,
                bootstrapAdminEmail, webhookNetwork, webhookTimeout, NOTIFY_LISTEN, BIND_EVERY_INTERFACE);
    }

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(15);

    /** The SQLite URL used when no database URL is configured. */
    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("reviewgate.db").toAbsolutePath();
    }

    /** The same settings on another port (tests start on port 0, then learn the real one). */
    public Settings withPublicUrlForPort(int actualPort) {
        String url = publicUrl != null ? publicUrl : "http://localhost:" + actualPort;
        return new Settings(actualPort, dataDir, databaseUrl, url, maxBodyBytes,
                bootstrapApiKey, bootstrapAdminPassword, bootstrapAdminEmail, webhookNetwork, webhookTimeout, notifyMode,
                bindAddress);
    }
}
