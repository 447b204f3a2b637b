package dev.reviewgate.config;

import java.time.Duration;

/**
 * The instance's notification channels: its SMTP server and Slack app (each account's admins may
 * override both), how long an e-mail action link lives, and the key channel credentials are
 * encrypted with. Nothing is required: without SMTP no e-mail is planned, without a bot token no
 * Slack message.
 *
 * @param secretKey base64 of 32 bytes ({@code REVIEWGATE_SECRET_KEY}); null: a key file generated
 *                  in the data directory
 */
public record Notifications(Smtp smtp, Slack slack, Duration actionLinkTtl, String secretKey) {

    public static final Duration DEFAULT_ACTION_LINK_TTL = Duration.ofDays(3);
    public static final String SLACK_API_URL = "https://slack.com/api";
    public static final Notifications NONE = new Notifications(Smtp.NONE, Slack.NONE, DEFAULT_ACTION_LINK_TTL, null);

    public Notifications {
        smtp = smtp == null ? Smtp.NONE : smtp;
        slack = slack == null ? Slack.NONE : slack;
        actionLinkTtl = actionLinkTtl == null ? DEFAULT_ACTION_LINK_TTL : actionLinkTtl;
    }

    /**
     * An SMTP server to send e-mail through.
     *
     * @param host     null: e-mail is off unless an account sets its own server
     * @param security {@code starttls} (required STARTTLS), {@code tls} (implicit TLS) or {@code none}
     */
    public record Smtp(String host, int port, String security, String username, String password, String from) {

        public static final int DEFAULT_PORT = 587;
        public static final String STARTTLS = "starttls";
        public static final String TLS = "tls";
        public static final String NONE_SECURITY = "none";
        public static final Smtp NONE = new Smtp(null, DEFAULT_PORT, STARTTLS, null, null, null);

        public Smtp {
            if (!STARTTLS.equals(security) && !TLS.equals(security) && !NONE_SECURITY.equals(security)) {
                throw new IllegalArgumentException(
                        "REVIEWGATE_SMTP_SECURITY must be starttls, tls or none, not " + security);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("REVIEWGATE_SMTP_PORT must be 1 to 65535");
            }
        }

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * A Slack app: its bot token posts and updates messages, its signing secret verifies interactions.
     *
     * @param apiUrl the Web API base, Slack's own by default; tests point it at a local fake
     */
    public record Slack(String botToken, String signingSecret, String apiUrl) {

        public static final Slack NONE = new Slack(null, null, SLACK_API_URL);

        public Slack {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? SLACK_API_URL : apiUrl.replaceAll("/+$", "");
        }

        public boolean configured() {
            return botToken != null && !botToken.isBlank();
        }
    }

    public Notifications withSmtp(Smtp other) {
        return new Notifications(other, slack, actionLinkTtl, secretKey);
    }

    public Notifications withSlack(Slack other) {
        return new Notifications(smtp, other, actionLinkTtl, secretKey);
    }
}
