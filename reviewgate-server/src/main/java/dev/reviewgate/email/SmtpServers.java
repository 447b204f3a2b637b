package dev.reviewgate.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.json.Json;
import dev.reviewgate.notification.ChannelSettingsRepository;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Which SMTP server an account's e-mail goes through: its own, set by an admin, else the instance's. */
public final class SmtpServers {

    private final ChannelSettingsRepository settings;
    private final Notifications.Smtp instance;

    public SmtpServers(ChannelSettingsRepository settings, Notifications.Smtp instance) {
        this.settings = settings;
        this.instance = instance;
    }

    /** The account's server; empty when neither the account nor the instance has one. */
    public Optional<Notifications.Smtp> of(Handle h, String accountId) {
        Optional<ChannelSettingsRepository.Stored> own = settings.find(h, accountId, ChannelSettingsRepository.EMAIL);
        if (own.isPresent()) {
            return Optional.of(fromConfig(own.get().config(), own.get().secret()));
        }
        return instance.configured() ? Optional.of(instance) : Optional.empty();
    }

    /** Whether e-mail can be planned for the account: it or the instance has a server. Opens no secret. */
    public boolean available(Handle h, String accountId) {
        return instance.configured() || settings.exists(h, accountId, ChannelSettingsRepository.EMAIL);
    }

    public Notifications.Smtp instance() {
        return instance;
    }

    /** The shown part of an account's server; the password is stored apart, sealed. */
    public static ObjectNode toConfig(Notifications.Smtp smtp) {
        ObjectNode out = Json.object()
                .put("host", smtp.host())
                .put("port", smtp.port())
                .put("security", smtp.security())
                .put("from", smtp.from());
        out.put("username", smtp.username());
        return out;
    }

    static Notifications.Smtp fromConfig(JsonNode config, String password) {
        return new Notifications.Smtp(
                text(config, "host"),
                config.path("port").asInt(Notifications.Smtp.DEFAULT_PORT),
                Optional.ofNullable(text(config, "security")).orElse(Notifications.Smtp.STARTTLS),
                text(config, "username"),
                password,
                text(config, "from"));
    }

    private static String text(JsonNode config, String member) {
        JsonNode v = config.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }
}
