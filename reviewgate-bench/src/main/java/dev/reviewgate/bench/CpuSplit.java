package dev.reviewgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How a window's server CPU split by kind of thread, from {@code /proc/<pid>/task/<tid>/{comm,stat}}
 * read before and after it, thread by thread: what says where the CPU per operation went.
 * {@code virtual} is the carriers of virtual threads (every request runs on one, and so do the
 * webhook sends and wake-ups); {@code other} is the process total less the kinds named, so it holds
 * the JDK's I/O pollers, the service's own background threads, and threads that started or ended
 * within the window.
 */
record CpuSplit(long totalNanos, long virtualNanos, long jitNanos, long gcNanos, Map<String, Long> otherByName) {

    /** The share of the total an "other" thread must have used to be named in {@link #shares}. */
    static final double NAMED_OTHER = 0.02;

    CpuSplit {
        if (totalNanos < 0 || virtualNanos < 0 || jitNanos < 0 || gcNanos < 0) {
            throw new IllegalStateException("negative CPU time in " + this);
        }
        otherByName = Map.copyOf(otherByName);
    }

    /** One thread at one moment. */
    record Thread(String name, long nanos) {}

    /** The threads of process {@code pid} now; one that ends while being read is left out. */
    static Map<Long, Thread> threads(long pid) throws IOException {
        Map<Long, Thread> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long nanos = ServerProcess.ticksToNanos(Files.readString(task.resolve("stat")));
                    out.put(Long.parseLong(task.getFileName().toString()), new Thread(name, nanos));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return out;
    }

    /** The split of {@code totalNanos} from what each thread alive at both reads used in between. */
    static CpuSplit between(Map<Long, Thread> before, Map<Long, Thread> after, long totalNanos) {
        long virtual = 0;
        long jit = 0;
        long gc = 0;
        Map<String, Long> others = new HashMap<>();
        for (Map.Entry<Long, Thread> e : after.entrySet()) {
            Thread then = before.get(e.getKey());
            if (then == null || !then.name().equals(e.getValue().name())) {
                continue;
            }
            long used = Math.max(0, e.getValue().nanos() - then.nanos());
            String name = e.getValue().name();
            // Thread names as the kernel keeps them (15 characters).
            if (name.startsWith("ForkJoinPool-1-")) {
                virtual += used;
            } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                jit += used;
            } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                gc += used;
            } else {
                // Threads of one pool counted together: "Read-Poller", "reviewgate-noti", ...
                others.merge(name.replaceAll("[-#\\s]*\\d+$", ""), used, Long::sum);
            }
        }
        return new CpuSplit(Math.max(totalNanos, virtual + jit + gc), virtual, jit, gc, others);
    }

    /** "virtual threads 71%, JIT 15%, GC 4%, other 10%". */
    String shares() {
        if (totalNanos == 0) {
            return "no CPU";
        }
        long other = totalNanos - virtualNanos - jitNanos - gcNanos;
        String named = otherByName.entrySet().stream()
                .filter(e -> e.getValue() >= NAMED_OTHER * totalNanos)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / totalNanos))
                .collect(java.util.stream.Collectors.joining(", "));
        return String.format(
                "virtual threads %.0f%%, JIT %.0f%%, GC %.0f%%, other %.0f%%%s",
                100.0 * virtualNanos / totalNanos,
                100.0 * jitNanos / totalNanos,
                100.0 * gcNanos / totalNanos,
                100.0 * other / totalNanos,
                named.isEmpty() ? "" : " (" + named + ")");
    }
}
