package dev.reviewgate.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.json.Json;
import dev.reviewgate.notification.ChannelSettingsRepository;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Which Slack app an account's messages go through: its own (a {@code slack} channel settings row,
 * secret {@code {"botToken","signingSecret"}} sealed), else the instance's. The Web API base is
 * always the instance's: an account cannot point the server at another host.
 */
public final class SlackApps {

    /** A bot token to post with and the signing secret its interactions are verified with. */
    public record App(String botToken, String signingSecret) {

        public boolean canPost() {
            return botToken != null && !botToken.isBlank();
        }

        public boolean canVerify() {
            return signingSecret != null && !signingSecret.isBlank();
        }

        @Override
        public String toString() {
            return "App[redacted]";
        }
    }

    private final ChannelSettingsRepository settings;
    private final Notifications.Slack instance;

    public SlackApps(ChannelSettingsRepository settings, Notifications.Slack instance) {
        this.settings = settings;
        this.instance = instance;
    }

    /** The account's app; empty when neither the account nor the instance has a bot token. */
    public Optional<App> of(Handle h, String accountId) {
        return own(h, accountId).or(() -> instance.configured() ? Optional.of(instanceApp()) : Optional.empty());
    }

    /** Whether Slack can be planned for the account: it or the instance has an app. Opens no secret. */
    public boolean available(Handle h, String accountId) {
        return instance.configured() || settings.exists(h, accountId, ChannelSettingsRepository.SLACK);
    }

    /** The app whose signing secret verifies an interaction for {@code accountId} (null: the instance's). */
    public App verifying(Handle h, String accountId) {
        if (accountId != null) {
            Optional<App> own = own(h, accountId);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return instanceApp();
    }

    private App instanceApp() {
        return new App(instance.botToken(), instance.signingSecret());
    }

    private Optional<App> own(Handle h, String accountId) {
        return settings.find(h, accountId, ChannelSettingsRepository.SLACK)
                .filter(ChannelSettingsRepository.Stored::hasSecret)
                .map(stored -> {
                    JsonNode secret = Json.parse(stored.secret());
                    return new App(text(secret, "botToken"), text(secret, "signingSecret"));
                });
    }

    private static String text(JsonNode node, String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }
}
