package dev.reviewgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The server's CPU time by kind of thread, from {@code /proc/<pid>/task/<tid>/{comm,stat}}: what
 * says where a window's CPU per operation went. {@code other} is the process total less the three
 * kinds named, so it holds the JDK's I/O pollers, the service's background threads, and threads
 * that ended during the window.
 */
record CpuSplit(long totalNanos, long requestNanos, long jitNanos, long gcNanos) {

    CpuSplit {
        if (totalNanos < 0 || requestNanos < 0 || jitNanos < 0 || gcNanos < 0) {
            throw new IllegalStateException("negative CPU time in " + this);
        }
    }

    /** Now, for process {@code pid} whose total is {@code totalNanos} (read just before). */
    static CpuSplit of(long pid, long totalNanos) throws IOException {
        long requests = 0;
        long jit = 0;
        long gc = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                long nanos;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    nanos = ServerProcess.ticksToNanos(Files.readString(task.resolve("stat")));
                } catch (NoSuchFileException | UncheckedIOException ended) {
                    continue;
                }
                // Thread names as the kernel keeps them (15 characters).
                if (name.startsWith("ForkJoinPool-1-")) {
                    requests += nanos;
                } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    jit += nanos;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += nanos;
                }
            }
        }
        return new CpuSplit(Math.max(totalNanos, requests + jit + gc), requests, jit, gc);
    }

    /** What was used between {@code before} and this; a thread that ended in between leaves {@code other} too low, never negative. */
    CpuSplit since(CpuSplit before) {
        long total = totalNanos - before.totalNanos;
        long requests = Math.max(0, requestNanos - before.requestNanos);
        long jit = Math.max(0, jitNanos - before.jitNanos);
        long gc = Math.max(0, gcNanos - before.gcNanos);
        return new CpuSplit(Math.max(total, requests + jit + gc), requests, jit, gc);
    }

    /** "requests 71%, JIT 15%, GC 4%, other 10%". */
    String shares() {
        if (totalNanos == 0) {
            return "no CPU";
        }
        long other = totalNanos - requestNanos - jitNanos - gcNanos;
        return String.format(
                "requests %.0f%%, JIT %.0f%%, GC %.0f%%, other %.0f%%",
                100.0 * requestNanos / totalNanos,
                100.0 * jitNanos / totalNanos,
                100.0 * gcNanos / totalNanos,
                100.0 * other / totalNanos);
    }
}
