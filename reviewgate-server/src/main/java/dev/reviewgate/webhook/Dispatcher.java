package dev.reviewgate.webhook;

import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Ids;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due deliveries under a lease and attempts them on virtual threads. It wakes right after a
 * commit that planned deliveries ({@link #nudge}), and otherwise polls once a second for retries
 * that came due and leases that expired (a crashed worker's deliveries).
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final int MAX_IN_FLIGHT = 64;
    static final int BATCH = 32;
    static final Duration POLL = Duration.ofSeconds(1);

    private final Database database;
    private final DeliveryRepository deliveries;
    private final DeliveryAttempt attempt;
    private final InstantSource clock;
    private final Duration lease;
    private final Duration notificationLease;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong batches = new AtomicLong();
    private final String instance;
    private final Thread loop;
    private volatile boolean running = true;

    public Dispatcher(
            Database database,
            DeliveryRepository deliveries,
            DeliveryAttempt attempt,
            Ids ids,
            InstantSource clock,
            Duration sendTimeout) {
        this.database = database;
        this.deliveries = deliveries;
        this.attempt = attempt;
        this.clock = clock;
        // Long enough for one bounded attempt and its write; short, so a crashed worker's deliveries return soon.
        this.lease = sendTimeout.plusSeconds(5);
        // A notification is several round trips (SMTP's dialogue, Slack's lookups), each bounded by
        // a part of the timeout: its lease must outlast them all, or another worker would send again.
        this.notificationLease = sendTimeout.multipliedBy(4).plusSeconds(5);
        this.instance = ids.next("dsp");
        this.loop = Thread.ofPlatform().name("reviewgate-webhooks").daemon().unstarted(this::run);
    }

    public void start() {
        loop.start();
    }

    /** Something was committed that may have planned deliveries: look now, not at the next tick. */
    public void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (running) {
            try {
                int claimed = dispatchDue();
                if (claimed == 0 && wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Webhook dispatch failed; retrying in {}", POLL, e);
                sleepQuietly();
            }
        }
    }

    /** Claims what is due and can be sent now; returns how many were claimed. */
    int dispatchDue() throws InterruptedException {
        int capacity = Math.min(BATCH, inFlight.availablePermits());
        if (capacity == 0) {
            inFlight.acquire();
            inFlight.release();
            return 1;
        }
        String token = instance + "." + batches.incrementAndGet();
        long now = clock.millis();
        List<DeliveryRepository.Claimed> batch = new ArrayList<>(database.write(
                h -> deliveries.claim(h, database.dialect(), token, now, now + lease.toMillis(), capacity, true)));
        int left = capacity - batch.size();
        if (left > 0) {
            // A token of its own: a claim returns every row its token holds.
            batch.addAll(database.write(h -> deliveries.claim(
                    h, database.dialect(), token + "n", now, now + notificationLease.toMillis(), left, false)));
        }
        for (DeliveryRepository.Claimed claimed : batch) {
            inFlight.acquire();
            // execute, not submit: nobody reads a result, and an Error should reach the uncaught-exception
            // handler rather than vanish into a Future no one looks at.
            workers.execute(() -> {
                try {
                    attempt.run(claimed);
                } catch (RuntimeException e) {
                    LOG.error(
                            "Webhook attempt {} failed unexpectedly",
                            claimed.delivery().id(),
                            e);
                } finally {
                    inFlight.release();
                }
            });
        }
        return batch.size();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops claiming, lets attempts in flight finish briefly, then hands any held lease back. */
    @Override
    public void close() {
        running = false;
        loop.interrupt();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        try {
            database.write(h -> deliveries.releaseLeases(h, instance + ".%"));
        } catch (RuntimeException e) {
            LOG.warn("Could not release webhook leases on shutdown; they expire in {}", lease, e);
        }
    }
}
