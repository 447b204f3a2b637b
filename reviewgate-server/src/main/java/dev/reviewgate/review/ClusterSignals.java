package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reviewgate.cache.CacheChanges;
import dev.reviewgate.db.Database;
import dev.reviewgate.json.Json;
import dev.reviewgate.wait.ChangeSignals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polls across instances on one PostgreSQL. After a commit, the change is queued and one
 * publisher thread sends it as {@code NOTIFY} (coalesced, off the request thread); a dedicated
 * {@code LISTEN} connection turns other instances' changes into local wake-ups and reconnects when
 * the database comes back. A poll of recently updated reviews every {@link #POLL} keeps waits
 * correct where NOTIFY is unavailable (PgBouncer in transaction mode: {@code REVIEWGATE_NOTIFY=poll})
 * or was missed while reconnecting. The same connection hears {@link CacheChanges#CHANNEL}, and the
 * caches are in use only while it is up.
 */
public final class ClusterSignals implements AutoCloseable {

    public static final String CHANNEL = "reviewgate_changes";
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration OVERLAP = Duration.ofSeconds(2);
    /** How often the LISTEN connection is proved alive, and how long a read on it may hang. */
    static final Duration LIVENESS = Duration.ofSeconds(5);

    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSignals.class);

    private final String jdbcUrl;
    private final Database database;
    private final ChangeSignals<Review> local;
    private final InstantSource clock;
    private final boolean listen;
    private final Set<String> outbox = new LinkedHashSet<>();
    private final Semaphore pending = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    /** Marks this instance's notifications, which it receives too but has already acted on. */
    private final String instance = UUID.randomUUID().toString();
    /** How this instance's payloads end: its own are dropped unparsed (each change comes back once). */
    private final String ownEnding = ",\"" + instance + "\"]";

    private volatile boolean running = true;

    public ClusterSignals(
            String jdbcUrl, Database database, ChangeSignals<Review> local, InstantSource clock, boolean listen) {
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        this.local = local;
        this.clock = clock;
        this.listen = listen;
    }

    public void start() {
        local.onChange(this::published);
        if (listen) {
            threads.add(Thread.ofPlatform().daemon().name("reviewgate-notify").start(this::publishLoop));
            threads.add(Thread.ofPlatform().daemon().name("reviewgate-listen").start(this::listenLoop));
        }
        threads.add(Thread.ofPlatform().daemon().name("reviewgate-change-poll").start(this::pollLoop));
    }

    /** Called after commit on this instance: queue one notification for the others. */
    void published(Review review) {
        if (!listen) {
            return;
        }
        ArrayNode payload = Json.array().add(review.accountId()).add(review.id());
        payload.add(review.runId()).add(review.blockId()).add(instance);
        synchronized (outbox) {
            outbox.add(Json.write(payload));
        }
        pending.release();
    }

    /**
     * Sends what queued up as one autocommitted statement, a single round trip however many changes
     * it holds, on a connection of its own: no pool borrow and no Jdbi statement per batch, which
     * at a few hundred changes a second was a tenth of a decision's CPU. A batch that fails to send
     * is dropped (the other instances' change poll finds it) and the connection is made anew.
     */
    private void publishLoop() {
        Connection connection = null;
        PreparedStatement notify = null;
        try {
            while (running) {
                pending.acquire();
                pending.drainPermits();
                List<String> batch;
                synchronized (outbox) {
                    batch = new ArrayList<>(outbox);
                    outbox.clear();
                }
                try {
                    if (connection == null) {
                        connection = DriverManager.getConnection(jdbcUrl, socketProperties());
                        notify = connection.prepareStatement(
                                "SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?::text[]) AS p");
                    }
                    notify.setArray(1, connection.createArrayOf("text", batch.toArray()));
                    notify.execute();
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("Could not send change notifications; other instances fall back to polling", e);
                    closeQuietly(connection);
                    connection = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being replaced or the instance is stopping
            }
        }
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, socketProperties());
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                statement.execute("LISTEN " + CacheChanges.CHANNEL);
                database.caches().listening(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - checked > LIVENESS.toNanos()) {
                        // A connection cut without a reset never fails a wait for notifications; a
                        // query on it does, within the socket timeout, and the caches stop being used.
                        statement.execute("SELECT 1");
                        checked = System.nanoTime();
                    }
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            if (CacheChanges.CHANNEL.equals(n.getName())) {
                                database.caches().received(n.getParameter());
                            } else if (!n.getParameter().endsWith(ownEnding)) {
                                wake(Json.parse(n.getParameter()));
                            }
                        }
                    }
                }
            } catch (Exception e) {
                database.caches().listening(false);
                if (running) {
                    LOG.debug("LISTEN connection lost; reconnecting", e);
                    sleep(POLL);
                }
            }
        }
    }

    /** The LISTEN and NOTIFY connections' own: a read that hangs longer than this fails, and it reconnects. */
    private static java.util.Properties socketProperties() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
        return p;
    }

    private void pollLoop() {
        long since = clock.millis() - OVERLAP.toMillis();
        while (running) {
            sleep(POLL);
            long start = clock.millis();
            try {
                long from = since;
                database.read(h -> h.createQuery("""
                                SELECT account_id, id, run_id, block_id FROM reviews WHERE updated_at >= :since""")
                                .bind("since", from)
                                .map((rs, ctx) ->
                                        new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)
                                        })
                                .list())
                        .forEach(r -> ReviewSignals.changedElsewhere(local, r[0], r[1], r[2], r[3]));
                // Instances' clocks differ a little; re-reading a short overlap costs less than a missed wake-up.
                since = start - OVERLAP.toMillis();
            } catch (RuntimeException e) {
                LOG.debug("Change poll failed; retrying", e);
            }
        }
    }

    private void wake(JsonNode payload) {
        ReviewSignals.changedElsewhere(
                local,
                payload.get(0).asText(),
                payload.get(1).asText(),
                payload.get(2).isNull() ? null : payload.get(2).asText(),
                payload.get(3).isNull() ? null : payload.get(3).asText());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
