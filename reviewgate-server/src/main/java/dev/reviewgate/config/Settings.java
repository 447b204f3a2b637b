package dev.reviewgate.config;

import dev.reviewgate.webhook.NetworkPolicy;
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
 */
public record Settings(int port, Path dataDir, String databaseUrl, String publicUrl, long maxBodyBytes,
                       String bootstrapApiKey, String bootstrapAdminPassword, String bootstrapAdminEmail,
                       NetworkPolicy webhookNetwork, Duration webhookTimeout) {

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
                bootstrapApiKey, bootstrapAdminPassword, bootstrapAdminEmail, webhookNetwork, webhookTimeout);
    }
}
