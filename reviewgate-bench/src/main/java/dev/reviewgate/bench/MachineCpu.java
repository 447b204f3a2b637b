package dev.reviewgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole machine's CPU time from {@code /proc/stat}, and the share of it taken by PostgreSQL's
 * processes and by this benchmark's own (the load generator): whether a window was bound by the
 * cores themselves, and who else was using them (server, database and load share the cores).
 * Times are in the kernel's clock ticks.
 */
record MachineCpu(long busyTicks, long allTicks, int cores, long postgresTicks, long loadTicks) {

    /** How far the named processes' cores may exceed the busy cores: the readings are not all at one instant. */
    private static final double SAMPLING_SLACK_CORES = 0.15;

    static MachineCpu now() throws IOException {
        List<String> stat = Files.readAllLines(Path.of("/proc/stat"));
        String[] f = stat.getFirst().trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal ...
        long all = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            all += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        int cores = (int) stat.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
        long load = ProcStat.parse(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.ISO_8859_1))
                .ticks();
        return new MachineCpu(all - idle, all, cores, allPostgresTicks(), load);
    }

    /** How the cores were used between {@code before} and this. */
    Usage since(MachineCpu before) {
        long all = allTicks - before.allTicks;
        double busy = all <= 0 ? 0 : (double) (busyTicks - before.busyTicks) / all;
        if (busy < 0 || busy > 1) {
            throw new IllegalStateException("a machine " + busy + " busy is impossible");
        }
        // allTicks counts every core's ticks: the window's wall time in ticks is all / cores.
        double wallTicks = (double) all / cores;
        return new Usage(
                busy,
                cores,
                coresOf("PostgreSQL", postgresTicks - before.postgresTicks, wallTicks),
                coresOf("the load generator", loadTicks - before.loadTicks, wallTicks));
    }

    /**
     * A window's use of the machine: its busy share of all cores (0 to 1), the number of cores, and
     * the cores PostgreSQL's processes and the load generator used on average.
     */
    record Usage(double busy, int cores, double postgresCores, double loadCores) {

        /** Fails when {@code serverCores} beside the named processes add up to more than was busy. */
        void requireRoomFor(double serverCores) {
            double named = serverCores + postgresCores + loadCores;
            if (named > busy * cores + SAMPLING_SLACK_CORES) {
                throw new IllegalStateException(String.format(
                        "server, PostgreSQL and load generator used %.2f cores while only %.2f were busy: impossible",
                        named, busy * cores));
            }
        }
    }

    private double coresOf(String who, long ticks, double wallTicks) {
        if (ticks < 0) {
            throw new IllegalStateException("the CPU time of " + who + " went backwards: " + ticks + " ticks");
        }
        double c = wallTicks <= 0 ? 0 : ticks / wallTicks;
        if (c > cores + SAMPLING_SLACK_CORES) {
            throw new IllegalStateException(
                    c + " cores used by " + who + " on a machine of " + cores + " is impossible");
        }
        return c;
    }

    /**
     * User + system time of every process named {@code postgres} on the machine (on a benchmark
     * machine, the embedded cluster's), with that of their ended children: a backend that ends
     * inside a window moves its time into its parent's, so the sum never goes down.
     */
    private static long allPostgresTicks() throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                String line;
                try {
                    line = Files.readString(p.resolve("stat"), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    continue; // the process ended while the directory was read
                }
                ProcStat s = ProcStat.parse(line);
                if (s.name().equals("postgres")) {
                    sum += s.ticksWithEndedChildren();
                }
            }
        }
        return sum;
    }
}
