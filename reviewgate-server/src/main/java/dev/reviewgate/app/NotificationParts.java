package dev.reviewgate.app;

import dev.reviewgate.actionlink.ActionLinkRepository;
import dev.reviewgate.actionlink.ActionLinkRoutes;
import dev.reviewgate.actionlink.ActionLinks;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.config.Settings;
import dev.reviewgate.db.Database;
import dev.reviewgate.email.EmailChannel;
import dev.reviewgate.email.EmailRoute;
import dev.reviewgate.email.Mailer;
import dev.reviewgate.email.SmtpServers;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.FormSecrets;
import dev.reviewgate.group.GroupRepository;
import dev.reviewgate.group.GroupSecrets;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.notification.ChannelSettingsRepository;
import dev.reviewgate.notification.NotificationPlanner;
import dev.reviewgate.notification.PreferenceRepository;
import dev.reviewgate.notification.RecipientRepository;
import dev.reviewgate.notification.Route;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.review.WorkCommands;
import dev.reviewgate.secret.SecretBox;
import dev.reviewgate.secret.SecretKeys;
import dev.reviewgate.slack.SlackActions;
import dev.reviewgate.slack.SlackApi;
import dev.reviewgate.slack.SlackApps;
import dev.reviewgate.slack.SlackCards;
import dev.reviewgate.slack.SlackChannel;
import dev.reviewgate.slack.SlackInteractions;
import dev.reviewgate.slack.SlackRoute;
import dev.reviewgate.slack.SlackUpdateChannel;
import dev.reviewgate.slack.SlackUpdatePlanner;
import dev.reviewgate.teams.TeamsChannel;
import dev.reviewgate.teams.TeamsRoute;
import dev.reviewgate.ui.admin.ChannelSettingsAdminRoutes;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.webhook.DeliveryChannel;
import dev.reviewgate.webhook.EventPlanner;
import java.time.InstantSource;
import java.util.List;

/**
 * The notification feature's parts: where credentials are sealed, each channel's route (who gets
 * a message) and sender (registered with the dispatcher), and the planner that joins the webhook
 * planner in every event's transaction.
 */
final class NotificationParts {

    private final Database database;
    private final Settings settings;
    private final InstantSource clock;
    private final ChannelSettingsRepository channelSettings;
    private final SmtpServers smtp;
    private final ActionLinks links;
    private final FormSecrets formSecrets;
    private final GroupSecrets groupSecrets;
    private final PreferenceRepository preferences = new PreferenceRepository();
    private final ReviewRepository reviews;
    private final SlackApps slack;
    private final SlackApi slackApi;
    private final EventPlanner planner;

    NotificationParts(
            Database database,
            Settings settings,
            Webhooks webhooks,
            FormRepository forms,
            ReviewRepository reviews,
            AccountRepository accounts,
            Pages pages,
            Ids ids,
            InstantSource clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        Notifications n = settings.notifications();
        SecretBox box = new SecretBox(SecretKeys.of(n.secretKey(), settings.dataDir()));
        this.channelSettings = new ChannelSettingsRepository(box, database.caches());
        this.formSecrets = new FormSecrets(box);
        GroupRepository groups = new GroupRepository();
        this.groupSecrets = new GroupSecrets(groups, box);
        this.smtp = new SmtpServers(channelSettings, n.smtp());
        this.links = new ActionLinks(new ActionLinkRepository(), settings.publicUrl(), n.actionLinkTtl());
        this.reviews = reviews;
        this.slack = new SlackApps(channelSettings, n.slack());
        this.slackApi = new SlackApi(n.slack().apiUrl(), settings.webhookTimeout());
        SlackCards cards = new SlackCards();
        SlackUpdateChannel cardUpdates =
                new SlackUpdateChannel(database, reviews, slack, slackApi, settings.publicUrl(), clock);
        webhooks.channels().register(DeliveryChannel.SLACK_UPDATE, cardUpdates);
        webhooks.channels()
                .register(
                        DeliveryChannel.SLACK,
                        new SlackChannel(
                                database,
                                reviews,
                                accounts,
                                slack,
                                slackApi,
                                cards,
                                cardUpdates,
                                settings.publicUrl(),
                                clock));
        webhooks.channels()
                .register(
                        DeliveryChannel.EMAIL,
                        new EmailChannel(
                                database,
                                reviews,
                                accounts,
                                smtp,
                                links,
                                new Mailer(settings.webhookTimeout()),
                                pages,
                                settings.publicUrl(),
                                n.actionLinkTtl(),
                                clock));
        webhooks.channels()
                .register(
                        DeliveryChannel.TEAMS,
                        new TeamsChannel(
                                database,
                                reviews,
                                forms,
                                formSecrets,
                                groupSecrets,
                                links,
                                webhooks.sender(),
                                settings.publicUrl(),
                                clock));
        List<Route> routes = List.of(new EmailRoute(smtp), new SlackRoute(slack), new TeamsRoute(groups));
        NotificationPlanner notifications = new NotificationPlanner(
                forms, new RecipientRepository(), webhooks.deliveries(), routes, ids, webhooks.dispatcher()::nudge);
        this.planner = EventPlanner.all(List.of(
                webhooks.planner(),
                notifications,
                new SlackUpdatePlanner(slack, cards, webhooks.deliveries(), ids, webhooks.dispatcher()::nudge)));
    }

    /** Webhooks and notifications, planned in each event's transaction. */
    EventPlanner planner() {
        return planner;
    }

    ChannelSettingsRepository channelSettings() {
        return channelSettings;
    }

    PreferenceRepository preferences() {
        return preferences;
    }

    /** Seals and opens forms' Teams URLs. */
    FormSecrets formSecrets() {
        return formSecrets;
    }

    /** Seals and opens groups' Teams URLs. */
    GroupSecrets groupSecrets() {
        return groupSecrets;
    }

    /** The admins' channel settings page (SMTP and Slack overrides, a test message, revert). */
    HttpServer.Feature channelSettingsPage(Pages pages) {
        Notifications n = settings.notifications();
        return new ChannelSettingsAdminRoutes(
                database,
                channelSettings,
                smtp,
                new Mailer(settings.webhookTimeout()),
                n.slack(),
                settings.webhookTimeout(),
                pages,
                clock)::routes;
    }

    /** The routes of action links, once the commands they decide through exist. */
    HttpServer.Feature actionLinks(
            AccountRepository accounts,
            ReviewReader reader,
            ReviewCommands commands,
            Pages pages,
            WebSessions sessions) {
        return new ActionLinkRoutes(
                links, database, accounts, reader, commands, pages, settings.publicUrl(), clock, sessions)::routes;
    }

    /** Slack's button clicks and modal submissions, once the commands they act through exist. */
    HttpServer.Feature slackInteractions(ReviewCommands commands, WorkCommands work) {
        return new SlackInteractions(
                database,
                slack,
                reviews,
                slackApi,
                new SlackActions(database, slackApi, commands, work, settings.publicUrl()),
                clock)::routes;
    }
}
