package dev.reviewgate.ui.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.notification.ChannelSettingsRepository;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** What the channel settings page shows and reads; never a password, token or signing secret. */
public final class ChannelSettingsPage {

    private ChannelSettingsPage() {}

    /**
     * The account's SMTP override as shown.
     *
     * @param overridden    whether the account has its own server
     * @param passwordSaved whether a password is saved (it is never shown)
     * @param instance      the instance's server, as "host:port", or empty when it has none
     */
    public record Email(
            boolean overridden,
            String host,
            int port,
            String security,
            String username,
            String from,
            boolean passwordSaved,
            String instance) {

        static Email of(Optional<ChannelSettingsRepository.Stored> own, Notifications.Smtp instance) {
            String shownInstance = instance.configured() ? instance.host() + ":" + instance.port() : "";
            if (own.isEmpty()) {
                return new Email(
                        false,
                        "",
                        Notifications.Smtp.DEFAULT_PORT,
                        Notifications.Smtp.STARTTLS,
                        "",
                        "",
                        false,
                        shownInstance);
            }
            JsonNode c = own.get().config();
            return new Email(
                    true,
                    c.path("host").asText(""),
                    c.path("port").asInt(Notifications.Smtp.DEFAULT_PORT),
                    c.path("security").asText(Notifications.Smtp.STARTTLS),
                    c.path("username").asText(""),
                    c.path("from").asText(""),
                    own.get().hasSecret(),
                    shownInstance);
        }
    }

    /** The account's Slack override as shown: whether each secret is saved, never the secret. */
    public record Slack(boolean overridden, boolean botTokenSaved, boolean signingSecretSaved, boolean instance) {

        static Slack of(Optional<ChannelSettingsRepository.Stored> own, boolean instanceConfigured) {
            boolean saved = own.isPresent() && own.get().hasSecret();
            return new Slack(own.isPresent(), saved, saved, instanceConfigured);
        }
    }

    /** The SMTP form as posted; an empty password box keeps the saved password. */
    record SmtpForm(String host, String port, String security, String username, String password, String from) {

        private static final Set<String> SECURITY =
                Set.of(Notifications.Smtp.STARTTLS, Notifications.Smtp.TLS, Notifications.Smtp.NONE_SECURITY);

        static SmtpForm read(Function<String, String> field) {
            return new SmtpForm(
                    trim(field.apply("host")),
                    trim(field.apply("port")),
                    trim(field.apply("security")),
                    trim(field.apply("username")),
                    field.apply("password") == null || field.apply("password").isEmpty()
                            ? null
                            : field.apply("password"),
                    trim(field.apply("from")));
        }

        /** What is wrong with the form, if anything, said for a person. */
        Optional<String> problem() {
            if (host.isEmpty() || host.length() > 253 || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
                return Optional.of("Give the SMTP server's host name.");
            }
            int p = portNumber();
            if (p < 1 || p > 65535) {
                return Optional.of("The port is a number from 1 to 65535.");
            }
            if (!SECURITY.contains(security)) {
                return Optional.of("Security is starttls, tls or none.");
            }
            if (username.length() > 254 || from.length() > 254 || (password != null && password.length() > 1000)) {
                return Optional.of("The user name, password or sender address is too long.");
            }
            if (!from.isEmpty() && !from.contains("@")) {
                return Optional.of("The sender is an e-mail address.");
            }
            if (from.isEmpty() && !username.contains("@")) {
                return Optional.of("Give a sender address (or a user name that is one).");
            }
            return Optional.empty();
        }

        /** The server the form describes; {@code savedPassword} stands in when the box was left empty. */
        Notifications.Smtp server(String savedPassword) {
            return new Notifications.Smtp(
                    host,
                    portNumber(),
                    security,
                    username.isEmpty() ? null : username,
                    password != null ? password : savedPassword,
                    from.isEmpty() ? null : from);
        }

        private int portNumber() {
            try {
                return Integer.parseInt(port);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static String trim(String value) {
            return value == null ? "" : value.strip();
        }
    }
}
