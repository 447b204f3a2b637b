package dev.reviewgate.testing;

import dev.reviewgate.config.Notifications;
import dev.reviewgate.config.Settings;
import java.util.Base64;

/**
 * Test servers that store channel credentials: a fixed key (so no key file is written beside the
 * build), and optionally an instance SMTP server or Slack app.
 */
public final class NotificationSettings {

    /** Base64 of 32 bytes; tests only. */
    public static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32
    });

    private NotificationSettings() {}

    public static Settings withSecretKey(Settings settings) {
        return with(settings, Notifications.Smtp.NONE, Notifications.Slack.NONE);
    }

    public static Settings with(Settings settings, Notifications.Smtp smtp, Notifications.Slack slack) {
        return settings.withNotifications(new Notifications(smtp, slack, null, SECRET_KEY));
    }
}
