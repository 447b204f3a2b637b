package dev.reviewgate.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.config.Settings;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.NotificationSettings;
import dev.reviewgate.testing.Receiver;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The channel settings page: an account's SMTP and Slack overrides, whose secrets are sealed in the
 * database and never shown again, a test message through the effective server (a real SMTP server
 * in the JVM) and a Slack {@code auth.test} (a fake Web API on loopback), revert, and the audit log.
 */
class ChannelSettingsAdminTest extends ApiTest {

    private static final String SMTP_PASSWORD = "smtp-password-never-shown";
    private static final String BOT_TOKEN = "xoxb-bot-token-never-shown";
    private static final String SIGNING_SECRET = "signing-secret-never-shown";

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private Receiver slackApi;

    @Override
    protected Settings settings(String databaseUrl) {
        try {
            slackApi = slackApi == null ? new Receiver() : slackApi;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!smtp.isRunning()) {
            smtp.start();
            smtp.setUser("mailer@example.com", "mailer@example.com", SMTP_PASSWORD);
        }
        return NotificationSettings.with(
                super.settings(databaseUrl),
                Notifications.Smtp.NONE,
                new Notifications.Slack(null, null, slackApi.url("/api")));
    }

    @AfterAll
    void stopFakes() {
        smtp.stop();
        slackApi.close();
    }

    private WebClient admin() {
        return WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);
    }

    private Optional<String> sealed(String channel) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT secret FROM channel_settings WHERE channel = :c")
                        .bind("c", channel)
                        .mapTo(String.class)
                        .findOne());
    }

    private long audited(String action) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM audit_entries WHERE action = :a")
                        .bind("a", action)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void anSmtpOverrideKeepsItsPasswordSealedAndUnshownSendsATestAndReverts() throws Exception {
        WebClient admin = admin();
        long updates = audited("channel.settings.updated");

        HttpResponse<String> saved = admin.post(
                "/admin/channels/email",
                Map.of(
                        "host", "127.0.0.1",
                        "port", Integer.toString(smtp.getSmtp().getPort()),
                        "security", "none",
                        "username", "mailer@example.com",
                        "password", SMTP_PASSWORD,
                        "from", "reviewgate@example.com"));

        assertThat(saved.statusCode()).isEqualTo(303);
        HttpResponse<String> page = admin.get("/admin/channels");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("A password is saved", "127.0.0.1").doesNotContain(SMTP_PASSWORD);
        String ciphertext = sealed("email").orElseThrow();
        assertThat(ciphertext).startsWith("v1:").doesNotContain(SMTP_PASSWORD);
        assertThat(audited("channel.settings.updated")).isEqualTo(updates + 1);

        // Saved again with the password box left empty: the sealed password stays as it was.
        admin.post(
                "/admin/channels/email",
                Map.of(
                        "host", "127.0.0.1",
                        "port", Integer.toString(smtp.getSmtp().getPort()),
                        "security", "none",
                        "username", "mailer@example.com",
                        "password", "",
                        "from", "reviewgate@example.com"));
        assertThat(sealed("email")).hasValue(ciphertext);

        HttpResponse<String> tested = admin.post("/admin/channels/email/test", Map.of());
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
        assertThat(tested.body())
                .contains("A test message was sent to admin@example.com")
                .doesNotContain(SMTP_PASSWORD);
        assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 1))
                .isTrue();
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                .isEqualTo("admin@example.com");

        long reverts = audited("channel.settings.reverted");
        assertThat(admin.post("/admin/channels/email/revert", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(sealed("email")).isEmpty();
        assertThat(audited("channel.settings.reverted")).isEqualTo(reverts + 1);
        assertThat(admin.post("/admin/channels/email/test", Map.of()).statusCode())
                .as("no server left: neither the account nor the instance has one")
                .isEqualTo(409);
    }

    @Test
    void aSlackOverrideKeepsItsSecretsSealedAndUnshownAndTheTestCallsAuthTestWithTheToken() {
        WebClient admin = admin();
        slackApi.then(new Receiver.Answer(
                200,
                Map.of("Content-Type", "application/json"),
                "{\"ok\":true,\"team\":\"Acme\",\"user\":\"reviewgate\"}",
                Duration.ZERO));

        HttpResponse<String> saved =
                admin.post("/admin/channels/slack", Map.of("botToken", BOT_TOKEN, "signingSecret", SIGNING_SECRET));

        assertThat(saved.statusCode()).isEqualTo(303);
        HttpResponse<String> page = admin.get("/admin/channels");
        assertThat(page.body())
                .contains("A bot token and signing secret are saved")
                .doesNotContain(BOT_TOKEN, SIGNING_SECRET);
        assertThat(sealed("slack"))
                .hasValueSatisfying(s -> assertThat(s).startsWith("v1:").doesNotContain(BOT_TOKEN, SIGNING_SECRET));

        HttpResponse<String> tested = admin.post("/admin/channels/slack/test", Map.of());

        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
        assertThat(tested.body())
                .contains("Slack accepted the token: workspace Acme")
                .doesNotContain(BOT_TOKEN);
        Receiver.Received call = slackApi.await(r -> true);
        assertThat(call.headers().get("Authorization")).containsExactly("Bearer " + BOT_TOKEN);

        assertThat(admin.post("/admin/channels/slack/revert", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(sealed("slack")).isEmpty();
    }

    @Test
    void settingsChangesNeedTheSessionsCsrfToken() {
        assertThat(admin().postWithoutToken("/admin/channels/email/revert", Map.of())
                        .statusCode())
                .isEqualTo(403);
    }
}
