package dev.reviewgate.app;

import dev.reviewgate.audit.AuditRoutes;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.auth.UserRoutes;
import dev.reviewgate.auth.Users;
import dev.reviewgate.config.Settings;
import dev.reviewgate.db.Database;
import dev.reviewgate.event.EventRepository;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.FormRoutes;
import dev.reviewgate.form.FormService;
import dev.reviewgate.gotohuman.GotoHumanRoutes;
import dev.reviewgate.group.GroupRepository;
import dev.reviewgate.group.GroupRoutes;
import dev.reviewgate.group.GroupService;
import dev.reviewgate.humanlayer.HumanLayerRoutes;
import dev.reviewgate.idempotency.Idempotency;
import dev.reviewgate.idempotency.IdempotencyRepository;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.mcp.McpEndpoint;
import dev.reviewgate.oidc.OidcClient;
import dev.reviewgate.oidc.OidcSignIn;
import dev.reviewgate.ops.OpsRoutes;
import dev.reviewgate.ops.RequestMetrics;
import dev.reviewgate.ops.ReviewMetrics;
import dev.reviewgate.review.AssigneeRepository;
import dev.reviewgate.review.BulkDecisions;
import dev.reviewgate.review.Outbox;
import dev.reviewgate.review.PersonGuard;
import dev.reviewgate.review.QueueRepository;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewCreation;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.review.ReviewRoutes;
import dev.reviewgate.review.ReviewTimers;
import dev.reviewgate.review.VoteRepository;
import dev.reviewgate.review.WorkCommands;
import dev.reviewgate.routing.RoutingRepository;
import dev.reviewgate.timer.TimerFiring;
import dev.reviewgate.timer.TimerRepository;
import dev.reviewgate.timer.TimerWorker;
import dev.reviewgate.ui.WebApp;
import dev.reviewgate.ui.admin.AdminRoutes;
import dev.reviewgate.ui.admin.AuditAdminRoutes;
import dev.reviewgate.ui.admin.GroupsAdminRoutes;
import dev.reviewgate.ui.admin.NotificationLogAdminRoutes;
import dev.reviewgate.ui.admin.WebhooksAdminRoutes;
import dev.reviewgate.ui.inbox.BulkRoutes;
import dev.reviewgate.ui.inbox.InboxRoutes;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.review.ClaimRoutes;
import dev.reviewgate.ui.review.HistoryRoutes;
import dev.reviewgate.ui.review.ReviewPageRoutes;
import dev.reviewgate.ui.session.LoginThrottle;
import dev.reviewgate.ui.session.OidcRoutes;
import dev.reviewgate.ui.session.SessionRepository;
import dev.reviewgate.ui.session.SessionRoutes;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.settings.PreferencesRoutes;
import dev.reviewgate.wait.ChangeSignals;
import dev.reviewgate.webhook.WebhookService;
import java.time.InstantSource;
import java.util.List;

/**
 * The object graph of a running service, wired by constructors: each part is built once here and
 * shared by the API routes and the web app. Adding a feature means adding its routes to
 * {@link #routes()}.
 */
final class Services {

    private final Database database;
    private final InstantSource clock;
    private final Ids ids;
    private final Settings settings;
    private final AccountRepository accounts = new AccountRepository();
    private final FormRepository forms;
    private final VoteRepository voteRows = new VoteRepository();
    private final AssigneeRepository assigneeRows = new AssigneeRepository();
    private final ReviewRepository reviews;
    private final EventRepository events = new EventRepository();
    private final RequestMetrics metrics = new RequestMetrics();
    private final Webhooks webhooks;
    private final FormService formService;
    private final WebhookService webhookService;
    private final ApiKeyAuthenticator authenticator;
    private final ReviewCommands commands;
    private final WorkCommands work;
    private final ReviewReader reader;
    private final ReviewCreation creation;
    private final Users users;
    private final GroupService groups;
    private final TimerWorker timerWorker;
    /** Single sign-on's relying party; null when no provider is configured. */
    private final OidcClient oidc;

    private final Pages pages = new Pages();
    private final NotificationParts notifications;

    Services(
            Database database,
            Settings settings,
            Webhooks webhooks,
            ChangeSignals<Review> signals,
            InstantSource clock) {
        this.database = database;
        this.forms = new FormRepository(database.caches());
        this.reviews = new ReviewRepository(voteRows, assigneeRows, database.dialect());
        this.clock = clock;
        this.ids = new Ids(clock);
        this.settings = settings;
        this.webhooks = webhooks;
        this.notifications =
                new NotificationParts(database, settings, webhooks, forms, reviews, accounts, pages, ids, clock);
        Outbox outbox = new Outbox(events, accounts, notifications.planner(), ids, settings.publicUrl());
        RoutingRepository routing = new RoutingRepository();
        this.formService =
                new FormService(database, forms, webhooks.guard(), routing, notifications.formSecrets(), clock);
        this.webhookService = webhooks.service(database, clock);
        this.authenticator = new ApiKeyAuthenticator(database, accounts, clock);
        ReviewTimers timers = new ReviewTimers();
        PersonGuard guard = new PersonGuard(routing);
        TimerRepository timerRows = new TimerRepository();
        ReviewMetrics reviewMetrics =
                new ReviewMetrics(metrics.registry(), () -> database.read(h -> timerRows.overdue(h, clock.millis())));
        this.commands = new ReviewCommands(
                database,
                reviews,
                voteRows,
                forms,
                outbox,
                timers,
                guard,
                signals,
                clock,
                r -> reviewMetrics.decided(
                        r.formId(), r.decision().via().wire(), r.decision().decidedAt() - r.createdAt()));
        this.timerWorker = new TimerWorker(
                database,
                timerRows,
                new TimerFiring(reviews, assigneeRows, commands, outbox, timers, timerRows),
                signals,
                ids,
                clock,
                reviewMetrics::timerLag);
        this.work = new WorkCommands(
                database, commands, reviews, assigneeRows, routing, guard, outbox, timers, signals, clock);
        this.reader = new ReviewReader(database, reviews, new QueueRepository(), events, signals, clock);
        this.creation = new ReviewCreation(
                database, reviews, assigneeRows, forms, outbox, signals, webhooks.guard(), routing, timers, ids, clock);
        this.users = new Users(database, accounts, ids, clock);
        this.groups = new GroupService(
                database, new GroupRepository(), notifications.groupSecrets(), webhooks.guard(), clock);
        Settings.Oidc provider = settings.identity().oidc();
        this.oidc = provider == null ? null : new OidcClient(provider, settings.publicUrl());
        if (oidc != null) {
            oidc.discover();
        }
    }

    /** The instance's timer worker (deadlines and reminders), not yet started. */
    TimerWorker timerWorker() {
        return timerWorker;
    }

    /** The filters and every feature's routes, API first, then the web app. */
    HttpServer.Routes routes() {
        WebSessions sessions = new WebSessions(database, new SessionRepository(), clock, settings.publicUrl());
        WebApp web = webApp(pages, sessions);
        return new HttpServer.Routes(
                authenticator,
                new Idempotency(database, new IdempotencyRepository(), clock),
                metrics,
                web,
                List.of(
                        new OpsRoutes(database, metrics)::routes,
                        new FormRoutes(formService)::routes,
                        webhooks.routes(webhookService, database, reviews, clock)::routes,
                        new ReviewRoutes(
                                creation,
                                commands,
                                work,
                                new BulkDecisions(commands),
                                reader,
                                settings.publicUrl(),
                                clock)::routes,
                        new UserRoutes(users)::routes,
                        new GroupRoutes(groups)::routes,
                        AuditScope::routes,
                        new AuditRoutes(database, ApiKeyAuthenticator::principal)::routes,
                        new AuditAdminRoutes(database, pages)::routes,
                        singleSignOn(sessions, pages),
                        new GotoHumanRoutes(authenticator, creation, formService, settings.publicUrl())::routes,
                        new HumanLayerRoutes(authenticator, creation, commands, reader)::routes,
                        notifications.actionLinks(accounts, reader, commands, pages, sessions),
                        new PreferencesRoutes(database, notifications.preferences(), pages, clock)::routes,
                        notifications.slackInteractions(commands, work),
                        notifications.channelSettingsPage(pages),
                        new NotificationLogAdminRoutes(database, webhookService, pages)::routes,
                        web::routes),
                List.of(McpEndpoint.withTools(
                        authenticator,
                        metrics,
                        settings.publicUrl(),
                        settings.maxBodyBytes(),
                        formService,
                        creation,
                        commands,
                        reader)::mount));
    }

    /** Single sign-on's routes; none when no provider is configured. */
    private HttpServer.Feature singleSignOn(WebSessions sessions, Pages pages) {
        if (oidc == null) {
            return r -> {};
        }
        return new OidcRoutes(
                new OidcSignIn(oidc, database, accounts, ids, clock), sessions, pages, settings.publicUrl())::routes;
    }

    private WebApp webApp(Pages pages, WebSessions sessions) {
        ReviewPageRoutes reviewPages = new ReviewPageRoutes(reader, commands, database, forms, pages, clock);
        return new WebApp(
                sessions,
                pages,
                new SessionRoutes(
                        database,
                        accounts,
                        sessions,
                        new LoginThrottle(clock),
                        pages,
                        clock,
                        new SessionRoutes.SignInOptions(settings.identity().passwordLogin(), oidc != null)),
                new InboxRoutes(reader, database, forms, new RoutingRepository(), pages, clock),
                reviewPages,
                new HistoryRoutes(reader, database, forms, pages),
                new AdminRoutes(
                        formService,
                        database,
                        accounts,
                        authenticator,
                        new Bootstrap(database, accounts, ids, clock),
                        users,
                        pages,
                        clock),
                new WebhooksAdminRoutes(webhookService, pages),
                new GroupsAdminRoutes(groups, pages),
                new ClaimRoutes(work, reviewPages),
                new BulkRoutes(new BulkDecisions(commands), reader, pages));
    }
}
