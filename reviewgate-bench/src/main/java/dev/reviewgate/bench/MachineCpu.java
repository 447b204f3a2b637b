package dev.reviewgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole machine's CPU time from {@code /proc/stat}, and the share of it taken by PostgreSQL's
 * processes and by this benchmark's own (the load generator): whether a window was bound by the
 * cores themselves, and who else was using them (server, database and load share the cores).
 * Times are in the kernel's clock ticks.
 */
record MachineCpu(long busyTicks, long allTicks, int cores, long postgresTicks, long loadTicks) {

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
        return new MachineCpu(all - idle, all, cores, allPostgresTicks(), processTicks(Path.of("/proc/self/stat")));
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
                coresOf(postgresTicks - before.postgresTicks, wallTicks),
                coresOf(loadTicks - before.loadTicks, wallTicks));
    }

    /**
     * A window's use of the machine: its busy share of all cores (0 to 1), and the cores PostgreSQL's
     * processes and the load generator used on average. PostgreSQL's figure leaves out a backend
     * that ended inside the window (the server's pool keeps its connections), so it is at least that.
     */
    record Usage(double busy, double postgresCores, double loadCores) {}

    private double coresOf(long ticks, double wallTicks) {
        // A process that ended in the window takes its ticks with it: never below zero.
        double c = wallTicks <= 0 ? 0 : Math.max(0, ticks) / wallTicks;
        if (c > cores + 0.05) {
            throw new IllegalStateException(c + " cores used on a machine of " + cores + " is impossible");
        }
        return c;
    }

    /** User + system time of every process named {@code postgres}. */
    private static long allPostgresTicks() throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                try {
                    String s = Files.readString(p.resolve("stat"));
                    if (s.contains("(postgres)")) {
                        sum += ticksOf(s);
                    }
                } catch (NoSuchFileException | UncheckedIOException e) {
                    // the process ended while the directory was read
                }
            }
        }
        return sum;
    }

    private static long processTicks(Path stat) throws IOException {
        return ticksOf(Files.readString(stat));
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat} (utime, stime), counted after the command's closing parenthesis. */
    private static long ticksOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
