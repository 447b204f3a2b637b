package dev.reviewgate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Runs an action from {@code clients} threads until a duration or a count is reached; bounded both ways. */
final class Load {

    /** One unit of work; returns normally on success. */
    interface Action {
        void run(long sequence) throws Exception;
    }

    private Load() {}

    static Stats run(int clients, Duration duration, long maxOperations, Action action) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong sequence = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        // Not joined: the latch says when every client is done.
        for (int c = 0; c < clients; c++) {
            Thread.ofPlatform().start(() -> {
                try {
                    long n;
                    while (System.nanoTime() < deadline && (n = sequence.getAndIncrement()) < maxOperations) {
                        long t = System.nanoTime();
                        try {
                            action.run(n);
                            latencies.add(System.nanoTime() - t);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (failures.get() > 0) {
            System.out.println("  (" + failures.get() + " operations failed and are not counted)");
        }
        return Stats.of(new ArrayList<>(latencies), System.nanoTime() - start);
    }
}
