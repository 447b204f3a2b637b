package dev.reviewgate.ui.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.db.Database;
import dev.reviewgate.email.Mailer;
import dev.reviewgate.email.SmtpServers;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.notification.ChannelSettingsRepository;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An account's own e-mail (SMTP) and Slack settings, overriding the instance's, for admins: save,
 * send a test, revert to the instance's. Passwords, tokens and signing secrets are write-only: the
 * page says whether one is saved, never what it is, and an empty box keeps the saved one. Every
 * change is on the audit log (without the secrets).
 */
public final class ChannelSettingsAdminRoutes {

    static final String UPDATED = "channel.settings.updated";
    static final String REVERTED = "channel.settings.reverted";

    private final Database database;
    private final ChannelSettingsRepository settings;
    private final SmtpServers smtp;
    private final Mailer mailer;
    private final SlackCheck slack;
    private final Pages pages;
    private final InstantSource clock;

    public ChannelSettingsAdminRoutes(
            Database database,
            ChannelSettingsRepository settings,
            SmtpServers smtp,
            Mailer mailer,
            Notifications.Slack instanceSlack,
            Duration timeout,
            Pages pages,
            InstantSource clock) {
        this.database = database;
        this.settings = settings;
        this.smtp = smtp;
        this.mailer = mailer;
        this.slack = new SlackCheck(instanceSlack, timeout);
        this.pages = pages;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get("/admin/channels", ctx -> show(ctx, 200, notice(ctx)));
        r.post("/admin/channels/email", this::saveEmail);
        r.post("/admin/channels/email/test", this::testEmail);
        r.post("/admin/channels/email/revert", ctx -> revert(ctx, ChannelSettingsRepository.EMAIL));
        r.post("/admin/channels/slack", this::saveSlack);
        r.post("/admin/channels/slack/test", this::testSlack);
        r.post("/admin/channels/slack/revert", ctx -> revert(ctx, ChannelSettingsRepository.SLACK));
    }

    private void show(Context ctx, int status, String message) {
        WebUser user = WebSessions.user(ctx);
        String account = user.accountId();
        var email = database.read(h -> settings.find(h, account, ChannelSettingsRepository.EMAIL));
        var slackOwn = database.read(h -> settings.find(h, account, ChannelSettingsRepository.SLACK));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("user", user);
        model.put("message", message);
        model.put("failed", status != 200);
        model.put("email", ChannelSettingsPage.Email.of(email, smtp.instance()));
        model.put("slack", ChannelSettingsPage.Slack.of(slackOwn, slack.instanceConfigured()));
        pages.render(ctx, status, "admin/channels.jte", model);
    }

    private void saveEmail(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        ChannelSettingsPage.SmtpForm form = ChannelSettingsPage.SmtpForm.read(ctx::formParam);
        Optional<String> problem = form.problem();
        if (problem.isPresent()) {
            show(ctx, 422, problem.get());
            return;
        }
        long now = clock.millis();
        database.write(h -> {
            settings.save(
                    h,
                    user.accountId(),
                    ChannelSettingsRepository.EMAIL,
                    SmtpServers.toConfig(form.server(null)),
                    form.password(),
                    now);
            ObjectNode shown = SmtpServers.toConfig(form.server(null));
            Audit.record(
                    h,
                    now,
                    AuditEvent.of(user.accountId(), UPDATED)
                            .with("channel", ChannelSettingsRepository.EMAIL)
                            .with("config", shown)
                            .with("passwordChanged", form.password() != null));
            return null;
        });
        ctx.redirect("/admin/channels?saved=email", HttpStatus.SEE_OTHER);
    }

    private void testEmail(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Optional<Notifications.Smtp> server = database.read(h -> smtp.of(h, user.accountId()));
        if (server.isEmpty()) {
            show(ctx, 409, "No SMTP server is set, here or for the instance: save one first.");
            return;
        }
        String id = "test-" + HexFormat.of().formatHex(Ids.randomBytes(12));
        try {
            mailer.send(
                    server.get(),
                    new Mailer.Mail(
                            user.email(),
                            "Reviewgate test message",
                            "This is a test message from Reviewgate: e-mail notifications reach you.\n",
                            "<p>This is a test message from Reviewgate: e-mail notifications reach you.</p>",
                            id));
        } catch (MessagingException | RuntimeException e) {
            show(ctx, 502, "The test message was not sent: " + e.getMessage());
            return;
        }
        show(
                ctx,
                200,
                "A test message was sent to " + user.email() + " through "
                        + server.get().host() + ".");
    }

    private void saveSlack(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        String token = blankToNull(ctx.formParam("botToken"));
        String signing = blankToNull(ctx.formParam("signingSecret"));
        if ((token != null && token.length() > 500) || (signing != null && signing.length() > 500)) {
            show(ctx, 422, "A token or secret is at most 500 characters.");
            return;
        }
        long now = clock.millis();
        String refused = database.write(h -> {
            // Read-modify-write of the sealed pair: the account's lock orders concurrent saves.
            database.lockAccount(h, user.accountId());
            JsonNode stored = settings.find(h, user.accountId(), ChannelSettingsRepository.SLACK)
                    .filter(ChannelSettingsRepository.Stored::hasSecret)
                    .map(s -> Json.parse(s.secret()))
                    .orElse(Json.object());
            String newToken = token != null ? token : text(stored, "botToken");
            String newSigning = signing != null ? signing : text(stored, "signingSecret");
            if (newToken == null || newSigning == null) {
                return "Give both the bot token and the signing secret.";
            }
            ObjectNode secret = Json.object().put("botToken", newToken).put("signingSecret", newSigning);
            settings.save(h, user.accountId(), ChannelSettingsRepository.SLACK, Json.object(), Json.write(secret), now);
            Audit.record(
                    h,
                    now,
                    AuditEvent.of(user.accountId(), UPDATED)
                            .with("channel", ChannelSettingsRepository.SLACK)
                            .with("botTokenChanged", token != null)
                            .with("signingSecretChanged", signing != null));
            return null;
        });
        if (refused != null) {
            show(ctx, 422, refused);
            return;
        }
        ctx.redirect("/admin/channels?saved=slack", HttpStatus.SEE_OTHER);
    }

    private void testSlack(Context ctx) {
        WebUser user = WebSessions.user(ctx);
        Optional<String> token = database.read(h -> settings.find(h, user.accountId(), ChannelSettingsRepository.SLACK))
                .filter(ChannelSettingsRepository.Stored::hasSecret)
                .map(s -> text(Json.parse(s.secret()), "botToken"))
                .or(slack::instanceToken);
        if (token.isEmpty()) {
            show(ctx, 409, "No Slack bot token is set, here or for the instance: save one first.");
            return;
        }
        SlackCheck.Result result = slack.authTest(token.get());
        show(ctx, result.ok() ? 200 : 502, result.message());
    }

    private void revert(Context ctx, String channel) {
        WebUser user = WebSessions.user(ctx);
        long now = clock.millis();
        database.write(h -> {
            if (settings.delete(h, user.accountId(), channel)) {
                Audit.record(h, now, AuditEvent.of(user.accountId(), REVERTED).with("channel", channel));
            }
            return null;
        });
        ctx.redirect("/admin/channels?reverted=" + channel, HttpStatus.SEE_OTHER);
    }

    /** What the redirect after a change says it did. */
    private static String notice(Context ctx) {
        String saved = ctx.queryParam("saved");
        String reverted = ctx.queryParam("reverted");
        if (ChannelSettingsRepository.EMAIL.equals(saved)) {
            return "Saved this account's e-mail settings.";
        }
        if (ChannelSettingsRepository.SLACK.equals(saved)) {
            return "Saved this account's Slack settings.";
        }
        if (ChannelSettingsRepository.EMAIL.equals(reverted) || ChannelSettingsRepository.SLACK.equals(reverted)) {
            return "This account now uses the instance's " + (reverted.equals("email") ? "e-mail" : "Slack")
                    + " settings.";
        }
        return "";
    }

    private static String text(JsonNode node, String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
