package dev.reviewgate.app;

import dev.reviewgate.actionlink.ActionLinkRepository;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Bootstrap;
import dev.reviewgate.config.Settings;
import dev.reviewgate.db.Database;
import dev.reviewgate.db.Dialect;
import dev.reviewgate.idempotency.IdempotencyRepository;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.review.ClusterSignals;
import dev.reviewgate.review.Review;
import dev.reviewgate.ui.session.SessionRepository;
import dev.reviewgate.wait.ChangeSignals;
import io.javalin.Javalin;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.LoggerFactory;

/**
 * The running service: migrates, bootstraps the first account, wires every feature by constructor
 * ({@link Services}) and serves HTTP. Tests start it exactly as {@code serve} does, on port 0. A
 * start that fails part-way closes what it had started, in reverse order.
 */
public final class Application implements AutoCloseable {

    /** What is running, closed in reverse order of starting. */
    private final Deque<AutoCloseable> running;

    private final Javalin javalin;
    private final Settings settings;
    private final Database database;
    private final Optional<Bootstrap.Credentials> credentials;
    private final List<HttpServer.Route> routes;

    private Application(
            Deque<AutoCloseable> running,
            Javalin javalin,
            Settings settings,
            Database database,
            Optional<Bootstrap.Credentials> credentials,
            List<HttpServer.Route> routes) {
        this.running = running;
        this.javalin = javalin;
        this.settings = settings;
        this.database = database;
        this.credentials = credentials;
        this.routes = routes;
    }

    public static Application start(Settings requested) {
        return start(requested, InstantSource.system());
    }

    /** Starts with {@code clock} as the one clock of the service (tests move it to skip retry delays). */
    public static Application start(Settings requested, InstantSource clock) {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            Database database = started(running, Database.open(requested.databaseUrl()));
            database.migrate();
            Optional<Bootstrap.Credentials> credentials = new Bootstrap(
                            database, new AccountRepository(), new Ids(clock), clock)
                    .ensureFirstAccount(requested.firstStart());
            // The socket is bound first, so the links can name the real port (port 0 picks one).
            ServerSocketChannel channel =
                    started(running, HttpServer.listen(requested.bindAddress(), requested.port()));
            Settings settings = requested.withPublicUrlForPort(channel.socket().getLocalPort());
            Webhooks webhooks = started(running, Webhooks.start(database, settings, new Ids(clock), clock));
            ChangeSignals<Review> signals = new ChangeSignals<>();
            if (database.dialect() == Dialect.POSTGRESQL) {
                ClusterSignals cluster = started(
                        running,
                        new ClusterSignals(
                                settings.databaseUrl(),
                                database,
                                signals,
                                clock,
                                Settings.NOTIFY_LISTEN.equals(settings.notifyMode())));
                cluster.start();
            }
            List<HttpServer.Route> routes = new ArrayList<>();
            Services services = new Services(database, settings, webhooks, signals, clock);
            webhooks.startDispatching();
            Javalin javalin = HttpServer.create(settings, channel, services.routes(), routes);
            running.push(javalin::stop);
            javalin.start();
            started(running, services.timerWorker()).start();
            // Closed before Jetty stops, so parked long polls are answered instead of sitting out the drain.
            running.push(signals::close);
            ScheduledExecutorService housekeeping = housekeeping(database, clock);
            running.push(housekeeping::shutdownNow);
            return new Application(running, javalin, settings, database, credentials, List.copyOf(routes));
        } catch (RuntimeException e) {
            closeAll(running, e);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T started(Deque<AutoCloseable> running, T part) {
        running.push(part);
        return part;
    }

    private static void closeAll(Deque<AutoCloseable> running, RuntimeException cause) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static ScheduledExecutorService housekeeping(Database database, InstantSource clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reviewgate-housekeeping");
            t.setDaemon(true);
            return t;
        });
        IdempotencyRepository keys = new IdempotencyRepository();
        SessionRepository sessions = new SessionRepository();
        ActionLinkRepository links = new ActionLinkRepository();
        // Nothing waits on this future: the task logs its own failures, and shutdownNow() at close stops it.
        var unused = executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        long cutoff = clock.millis() - Duration.ofHours(24).toMillis();
                        database.write(h -> keys.purgeOlderThan(h, cutoff)
                                + sessions.purgeExpired(h, clock.millis())
                                + links.deleteExpired(h, cutoff));
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(Application.class)
                                .warn("Purging old idempotency keys, sessions and action links failed", e);
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
        return executor;
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
     * Graceful shutdown, in reverse order of starting: the housekeeping stops, parked waiters are
     * answered, Jetty drains the requests in flight, the dispatcher hands back its leases so
     * another instance can take them at once, and the database closes last.
     */
    @Override
    public void close() {
        RuntimeException failure = new RuntimeException("closing the service failed");
        closeAll(running, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
