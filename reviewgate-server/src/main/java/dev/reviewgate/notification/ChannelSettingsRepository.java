package dev.reviewgate.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.cache.CacheChanges;
import dev.reviewgate.cache.SharedCache;
import dev.reviewgate.json.Json;
import dev.reviewgate.secret.SecretBox;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * An account's own settings for a channel ({@code email}, {@code slack}), overriding the
 * instance's. {@code config} holds what may be shown again; {@code secret} (an SMTP password, a
 * Slack token and signing secret as JSON) is sealed with the {@link SecretBox}, bound to its
 * account and channel, and never leaves this class but to the channel that uses it.
 */
public final class ChannelSettingsRepository {

    public static final String EMAIL = "email";
    public static final String SLACK = "slack";

    /** The stored settings, the secret opened. */
    public record Stored(JsonNode config, String secret, long updatedAt) {

        public boolean hasSecret() {
            return secret != null;
        }
    }

    private final SecretBox box;
    /** Whether an account has settings of its own for a channel: what planning asks of every event. */
    private final SharedCache<Boolean> existing;

    public ChannelSettingsRepository(SecretBox box, CacheChanges caches) {
        this.box = box;
        this.existing = caches.cache("channel_settings", 10_000);
    }

    /**
     * Whether the account has its own settings for {@code channel}, without opening its secret:
     * planning asks this inside every event's transaction, where a key problem must not fail the
     * change (the send fails instead, and is retried and logged). From memory after the first time
     * (see {@link SharedCache}); the settings themselves ({@link #find}) are always read afresh.
     */
    public boolean exists(Handle h, String accountId, String channel) {
        return existing.get(
                accountId,
                channel,
                () -> h.createQuery("SELECT COUNT(*) FROM channel_settings WHERE account_id = :a AND channel = :c")
                                .bind("a", accountId)
                                .bind("c", channel)
                                .mapTo(Long.class)
                                .one()
                        > 0);
    }

    public Optional<Stored> find(Handle h, String accountId, String channel) {
        return h.createQuery(
                        "SELECT config, secret, updated_at FROM channel_settings WHERE account_id = :a AND channel = :c")
                .bind("a", accountId)
                .bind("c", channel)
                .map((rs, ctx) -> {
                    String sealed = rs.getString("secret");
                    return new Stored(
                            Json.parse(rs.getString("config")),
                            sealed == null ? null : box.open(sealed, boundTo(accountId, channel)),
                            rs.getLong("updated_at"));
                })
                .findOne();
    }

    /**
     * Stores {@code config} and, when {@code secret} is not null, a new secret; a null secret keeps
     * the stored one (a settings form leaves the password box empty to keep it).
     */
    public void save(Handle h, String accountId, String channel, ObjectNode config, String secret, long now) {
        String sealed = secret == null ? null : box.seal(secret, boundTo(accountId, channel));
        existing.changed(h, accountId);
        h.createUpdate("""
                        INSERT INTO channel_settings (account_id, channel, config, secret, updated_at)
                        VALUES (:a, :c, :config, :secret, :now)
                        ON CONFLICT (account_id, channel) DO UPDATE SET config = :config,
                               secret = COALESCE(:secret, channel_settings.secret), updated_at = :now""")
                .bind("a", accountId)
                .bind("c", channel)
                .bind("config", Json.write(config))
                .bind("secret", sealed)
                .bind("now", now)
                .execute();
    }

    /** Back to the instance's settings; true when there was an override. */
    public boolean delete(Handle h, String accountId, String channel) {
        existing.changed(h, accountId);
        return h.createUpdate("DELETE FROM channel_settings WHERE account_id = :a AND channel = :c")
                        .bind("a", accountId)
                        .bind("c", channel)
                        .execute()
                == 1;
    }

    private static String boundTo(String accountId, String channel) {
        return "channel_settings/" + accountId + "/" + channel;
    }
}
