package dev.reviewgate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an action from {@code clients} threads until a duration or a count is reached; bounded both
 * ways. A failed operation fails the run: a figure that silently leaves out what failed would be
 * better than what happened.
 */
final class Load {

    /** One unit of work; returns normally on success. */
    interface Action {
        void run(long sequence) throws Exception;
    }

    private Load() {}

    /** The same, with the server's CPU time per operation over the window. */
    static Throughput measured(ServerProcess server, int clients, Duration duration, long maxOperations, Action action)
            throws Exception {
        var threadsBefore = server.threadCpu();
        MachineCpu machineBefore = MachineCpu.now();
        long cpuBefore = server.cpuNanos();
        Stats stats = run(clients, duration, maxOperations, action);
        long cpu = server.cpuNanos() - cpuBefore;
        MachineCpu machineAfter = MachineCpu.now();
        var threadsAfter = server.threadCpu();
        if (cpu < 0) {
            throw new IllegalStateException("the server's CPU time went backwards: " + cpu + " ns");
        }
        return new Throughput(
                stats,
                clients,
                cpu / 1e6 / stats.count(),
                CpuSplit.between(threadsBefore, threadsAfter, cpu),
                machineAfter.since(machineBefore));
    }

    static Stats run(int clients, Duration duration, long maxOperations, Action action) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong sequence = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
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
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        if (failures.get() > 0) {
            throw new IllegalStateException(
                    failures.get() + " of " + (failures.get() + latencies.size()) + " operations failed; the first: "
                            + firstFailure.get(),
                    firstFailure.get());
        }
        return Stats.of(new ArrayList<>(latencies), elapsed);
    }
}
