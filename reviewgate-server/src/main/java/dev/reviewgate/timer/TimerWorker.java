package dev.reviewgate.timer;

import dev.reviewgate.db.Database;
import dev.reviewgate.db.Dialect;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewSignals;
import dev.reviewgate.wait.ChangeSignals;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one timer worker of an instance. It claims due rows of {@code timers} under a short lease, as
 * the webhook dispatcher claims deliveries, and fires each in its own transaction
 * ({@link TimerFiring}). It looks at least every {@link #POLL} and sooner when the earliest row is
 * due sooner, so a timer fires well within a second of its time; idle, that is one indexed
 * {@code MIN(due_at)} per poll. After downtime everything overdue is due at once. A worker killed
 * mid-batch leaves leased rows behind; they come due again when the lease lapses, and the
 * lease-and-time check on delete means each fires once whichever worker gets it.
 */
public final class TimerWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimerWorker.class);
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration LEASE = Duration.ofSeconds(5);
    static final int BATCH = 32;

    private final Database database;
    private final TimerRepository rows;
    private final TimerFiring firing;
    private final ChangeSignals<Review> signals;
    private final InstantSource clock;
    private final LongConsumer lagMillis;
    private final String instance;
    private final AtomicLong batches = new AtomicLong();
    private final ExecutorService firers;
    private final int parallelism;
    private final Thread loop;
    private volatile boolean running = true;

    public TimerWorker(
            Database database,
            TimerRepository rows,
            TimerFiring firing,
            ChangeSignals<Review> signals,
            Ids ids,
            InstantSource clock,
            LongConsumer lagMillis) {
        this.database = database;
        this.rows = rows;
        this.firing = firing;
        this.signals = signals;
        this.clock = clock;
        this.lagMillis = lagMillis;
        this.instance = ids.next("tmr");
        // SQLite runs one writer at a time; PostgreSQL fires a batch on a few connections of the pool.
        this.parallelism = database.dialect() == Dialect.POSTGRESQL ? 4 : 1;
        this.firers = Executors.newFixedThreadPool(
                parallelism, Thread.ofVirtual().name("reviewgate-timer-", 0).factory());
        this.loop = Thread.ofPlatform().name("reviewgate-timers").daemon().unstarted(this::run);
    }

    public void start() {
        loop.start();
    }

    private void run() {
        while (running) {
            try {
                if (fireDue() < BATCH) {
                    Thread.sleep(pause());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Firing timers failed; retrying in {}", POLL, e);
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** How long to sleep: until the earliest unleased row is due, at most {@link #POLL}, at least 5 ms. */
    private long pause() {
        long now = clock.millis();
        long next = database.read(h -> rows.nextDue(h, now)).orElse(Long.MAX_VALUE);
        return Math.clamp(next - now, 5, POLL.toMillis());
    }

    /** Claims what is due and fires it; returns how many rows were claimed. */
    int fireDue() throws InterruptedException {
        String token = instance + "." + batches.incrementAndGet();
        long now = clock.millis();
        List<DueTimer> batch =
                database.write(h -> rows.claim(h, database.dialect(), token, now, now + LEASE.toMillis(), BATCH));
        if (parallelism == 1) {
            batch.forEach(this::fireOne);
            return batch.size();
        }
        List<Future<?>> pending = new ArrayList<>(batch.size());
        batch.forEach(t -> pending.add(firers.submit(() -> fireOne(t))));
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.error("A timer firing failed unexpectedly", e.getCause());
            }
        }
        return batch.size();
    }

    private void fireOne(DueTimer t) {
        try {
            Optional<Review> fired = database.write(h -> {
                long now = clock.millis();
                Optional<Review> after = firing.fire(h, t, now);
                if (after.isPresent()) {
                    h.afterCommit(() -> lagMillis.accept(now - t.dueAt()));
                }
                return after;
            });
            fired.ifPresent(review -> ReviewSignals.changed(signals, review));
        } catch (RuntimeException e) {
            // The lease lapses and the row comes due again; the take check keeps it to one firing.
            LOG.warn("Timer {} of review {} failed; it is retried after its lease", t.kind(), t.reviewId(), e);
        }
    }

    /** Stops claiming, lets the batch in hand finish briefly, then hands back any lease still held. */
    @Override
    public void close() {
        running = false;
        loop.interrupt();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        firers.shutdownNow();
        try {
            database.write(h -> rows.releaseLeases(h, instance + ".%"));
        } catch (RuntimeException e) {
            LOG.warn("Could not release timer leases on shutdown; they lapse in {}", LEASE, e);
        }
    }
}
