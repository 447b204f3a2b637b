package dev.reviewgate.cli;

import dev.reviewgate.config.Notifications;
import dev.reviewgate.secret.SecretKeys;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** The {@code serve} options of the notification channels, each from its {@code REVIEWGATE_*} variable. */
final class NotificationOptions {

    @Option(names = "--smtp-host", hidden = true, defaultValue = "${env:REVIEWGATE_SMTP_HOST}")
    String smtpHost;

    @Option(names = "--smtp-port", hidden = true, defaultValue = "${env:REVIEWGATE_SMTP_PORT:-587}")
    int smtpPort;

    @Option(names = "--smtp-security", hidden = true, defaultValue = "${env:REVIEWGATE_SMTP_SECURITY:-starttls}")
    String smtpSecurity;

    @Option(names = "--smtp-username", hidden = true, defaultValue = "${env:REVIEWGATE_SMTP_USERNAME}")
    String smtpUsername;

    @Option(names = "--smtp-password", hidden = true, defaultValue = "${env:REVIEWGATE_SMTP_PASSWORD}")
    String smtpPassword;

    @Option(names = "--smtp-from", hidden = true, defaultValue = "${env:REVIEWGATE_SMTP_FROM}")
    String smtpFrom;

    @Option(names = "--slack-bot-token", hidden = true, defaultValue = "${env:REVIEWGATE_SLACK_BOT_TOKEN}")
    String slackBotToken;

    @Option(names = "--slack-signing-secret", hidden = true, defaultValue = "${env:REVIEWGATE_SLACK_SIGNING_SECRET}")
    String slackSigningSecret;

    @Option(names = "--slack-api-url", hidden = true, defaultValue = "${env:REVIEWGATE_SLACK_API_URL}")
    String slackApiUrl;

    @Option(names = "--action-link-ttl", hidden = true, defaultValue = "${env:REVIEWGATE_ACTION_LINK_TTL:-PT72H}")
    String actionLinkTtl;

    @Option(names = "--secret-key", hidden = true, defaultValue = "${env:REVIEWGATE_SECRET_KEY}")
    String secretKey;

    /** The settings; a bad value throws {@link IllegalArgumentException} naming its variable. */
    Notifications notifications() {
        String key = blankAsNull(secretKey);
        if (key != null) {
            SecretKeys.decode(key.strip(), "REVIEWGATE_SECRET_KEY");
        }
        return new Notifications(
                new Notifications.Smtp(
                        blankAsNull(smtpHost),
                        smtpPort,
                        smtpSecurity.strip().toLowerCase(java.util.Locale.ROOT),
                        blankAsNull(smtpUsername),
                        blankAsNull(smtpPassword),
                        blankAsNull(smtpFrom)),
                new Notifications.Slack(
                        blankAsNull(slackBotToken), blankAsNull(slackSigningSecret), blankAsNull(slackApiUrl)),
                ttl(actionLinkTtl),
                key);
    }

    /** An ISO-8601 duration ({@code PT72H}) or a number of seconds, from one minute to 30 days. */
    static Duration ttl(String text) {
        Duration ttl;
        try {
            ttl = text.strip().chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(text.strip()))
                    : Duration.parse(text.strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "REVIEWGATE_ACTION_LINK_TTL must be an ISO-8601 duration such as PT72H, or seconds", e);
        }
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("REVIEWGATE_ACTION_LINK_TTL must be from one minute to 30 days");
        }
        return ttl;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
