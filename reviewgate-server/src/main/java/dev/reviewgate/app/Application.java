package dev.reviewgate.app;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.auth.Users;
import dev.reviewgate.config.Settings;
import dev.reviewgate.db.Database;
import dev.reviewgate.event.EventRepository;
import dev.reviewgate.review.Outbox;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.FormRoutes;
import dev.reviewgate.form.FormService;
import dev.reviewgate.idempotency.Idempotency;
import dev.reviewgate.idempotency.IdempotencyRepository;
import dev.reviewgate.ops.OpsRoutes;
import dev.reviewgate.ops.RequestMetrics;
import dev.reviewgate.review.QueueRepository;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewCreation;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewRoutes;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.db.Dialect;
import dev.reviewgate.wait.ChangeSignals;
import dev.reviewgate.review.ClusterSignals;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.WebApp;
import dev.reviewgate.ui.admin.AdminRoutes;
import dev.reviewgate.ui.admin.WebhooksAdminRoutes;
import dev.reviewgate.ui.inbox.InboxRoutes;
import dev.reviewgate.ui.review.HistoryRoutes;
import dev.reviewgate.ui.review.ReviewPageRoutes;
import dev.reviewgate.ui.session.LoginThrottle;
import dev.reviewgate.ui.session.SessionRepository;
import dev.reviewgate.ui.session.SessionRoutes;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.webhook.WebhookService;
import io.javalin.Javalin;
import org.eclipse.jetty.server.ServerConnector;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running service: wires every feature by constructor, migrates, bootstraps the first account
 * and serves HTTP. Tests start it exactly as {@code serve} does, on port 0.
 */
public final class Application implements AutoCloseable {

    private final Database database;
    private final Javalin javalin;
    private final Settings settings;
    private final Optional<Bootstrap.Credentials> credentials;
    private final ScheduledExecutorService housekeeping;
    private final List<HttpServer.Route> routes;
    private final Webhooks webhooks;
    private final ChangeSignals<Review> signals;
    private final ClusterSignals cluster;

    private Application(Database database, Javalin javalin, Settings settings,
                        Optional<Bootstrap.Credentials> credentials, ScheduledExecutorService housekeeping,
                        List<HttpServer.Route> routes, Webhooks webhooks, ChangeSignals<Review> signals, ClusterSignals cluster) {
        this.database = database;
        this.javalin = javalin;
        this.settings = settings;
        this.credentials = credentials;
        this.housekeeping = housekeeping;
        this.routes = routes;
        this.webhooks = webhooks;
        this.signals = signals;
        this.cluster = cluster;
    }

    public static Application start(Settings requested) {
        return start(requested, InstantSource.system());
    }

    /** Starts with {@code clock} as the one clock of the service (tests move it to skip retry delays). */
    public static Application start(Settings requested, InstantSource clock) {
        Ids ids = new Ids(clock);
        Database database = Database.open(requested.databaseUrl());
        try {
            database.migrate();
            AccountRepository accounts = new AccountRepository();
            Optional<Bootstrap.Credentials> credentials =
                    new Bootstrap(database, accounts, ids, clock).ensureFirstAccount(requested);
            // The link members need the real port, so port 0 is resolved before anything is built.
            Settings running = requested.withPublicUrlForPort(requested.port() == 0 ? freePort() : requested.port());
            List<HttpServer.Route> routes = new ArrayList<>();
            Webhooks webhooks = Webhooks.start(database, running, ids, clock);
            ChangeSignals<Review> signals = new ChangeSignals();
            ClusterSignals cluster = null;
            if (database.dialect() == Dialect.POSTGRESQL) {
                cluster = new ClusterSignals(running.databaseUrl(), database, signals, clock,
                        Settings.NOTIFY_LISTEN.equals(running.notifyMode()));
                cluster.start();
            }
            Javalin javalin = HttpServer.create(running,
                    routesFor(database, accounts, webhooks, signals, ids, clock, running), routes);
            javalin.start(running.port());
            ScheduledExecutorService housekeeping = housekeeping(database, clock);
            return new Application(database, javalin, running, credentials, housekeeping, List.copyOf(routes), webhooks,
                    signals, cluster);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static HttpServer.Routes routesFor(Database database, AccountRepository accounts, Webhooks webhooks,
                                              ChangeSignals<Review> signals, Ids ids, InstantSource clock, Settings settings) {
        ReviewRepository reviews = new ReviewRepository();
        FormRepository forms = new FormRepository();
        EventRepository events = new EventRepository();
        Outbox outbox = new Outbox(events, accounts, webhooks.planner(), ids, settings.publicUrl());
        RequestMetrics metrics = new RequestMetrics();
        FormService formService = new FormService(database, forms, webhooks.guard(), clock);
        WebhookService webhookService = webhooks.service(database, clock);
        ReviewCommands commands = new ReviewCommands(database, reviews, forms, outbox, signals, clock);
        ReviewReader reader = new ReviewReader(database, reviews, new QueueRepository(), events, signals, clock);
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(database, accounts, clock);
        return new HttpServer.Routes(
                authenticator,
                new Idempotency(database, new IdempotencyRepository(), clock),
                metrics,
                new OpsRoutes(database, metrics),
                new FormRoutes(formService),
                webhooks.routes(webhookService, database, reviews, clock),
                new ReviewRoutes(
                        new ReviewCreation(database, reviews, forms, outbox, signals, webhooks.guard(), ids, clock),
                        commands, reader, settings.publicUrl()),
                webApp(database, accounts, authenticator, ids, clock, settings, forms, formService, webhookService,
                        commands, reader));
    }

    private static WebApp webApp(Database database, AccountRepository accounts, ApiKeyAuthenticator authenticator,
                                 Ids ids, InstantSource clock,
                                 Settings settings, FormRepository forms, FormService formService,
                                 WebhookService webhookService, ReviewCommands commands, ReviewReader reader) {
        Pages pages = new Pages();
        WebSessions sessions = new WebSessions(database, new SessionRepository(), clock, settings.publicUrl());
        return new WebApp(sessions, pages,
                new SessionRoutes(database, accounts, sessions, new LoginThrottle(clock), pages),
                new InboxRoutes(reader, database, forms, pages, clock),
                new ReviewPageRoutes(reader, commands, database, forms, pages),
                new HistoryRoutes(reader, database, forms, pages),
                new AdminRoutes(formService, database, accounts, authenticator, new Bootstrap(database, accounts, ids, clock),
                        new Users(database, accounts, ids, clock), pages, clock),
                new WebhooksAdminRoutes(webhookService, pages));
    }

    private static ScheduledExecutorService housekeeping(Database database, InstantSource clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reviewgate-housekeeping");
            t.setDaemon(true);
            return t;
        });
        IdempotencyRepository keys = new IdempotencyRepository();
        SessionRepository sessions = new SessionRepository();
        executor.scheduleWithFixedDelay(() -> {
            try {
                long cutoff = clock.millis() - Duration.ofHours(24).toMillis();
                database.write(h -> keys.purgeOlderThan(h, cutoff) + sessions.purgeExpired(h, clock.millis()));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Application.class).warn("Purging old idempotency keys and sessions failed", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
        return executor;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port", e);
        }
    }

    public int port() {
        return javalin.port();
    }

    /** The address the HTTP connector listens on, as Jetty reports it. */
    public String bindAddress() {
        return ((ServerConnector) javalin.jettyServer().server().getConnectors()[0]).getHost();
    }

    public Settings settings() {
        return settings;
    }

    /** Every endpoint the server registered: method and path template. */
    public List<HttpServer.Route> routes() {
        return routes;
    }

    public Database database() {
        return database;
    }

    public Optional<Bootstrap.Credentials> credentials() {
        return credentials;
    }

    /**
     * Graceful shutdown: parked waiters are answered now, Jetty drains the requests in flight, the
     * dispatcher hands back its leases so another instance can take them at once.
     */
    @Override
    public void close() {
        signals.close();
        if (cluster != null) {
            cluster.close();
        }
        housekeeping.shutdownNow();
        javalin.stop();
        webhooks.close();
        database.close();
    }
}
