package dev.reviewgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from the first line of {@code /proc/stat}: whether a window was
 * bound by the cores themselves (server, database and load generator share them).
 */
record MachineCpu(long busyTicks, long allTicks) {

    static MachineCpu now() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal ...
        long all = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            all += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new MachineCpu(all - idle, all);
    }

    /** The busy share of all cores between {@code before} and this, from 0 to 1. */
    double busySince(MachineCpu before) {
        long all = allTicks - before.allTicks;
        double busy = all <= 0 ? 0 : (double) (busyTicks - before.busyTicks) / all;
        if (busy < 0 || busy > 1) {
            throw new IllegalStateException("a machine " + busy + " busy is impossible");
        }
        return busy;
    }
}
