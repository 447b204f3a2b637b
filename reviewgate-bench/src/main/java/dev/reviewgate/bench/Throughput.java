package dev.reviewgate.bench;

/**
 * A throughput row: the latencies of a measuring window, the number of concurrent clients, the
 * server process's own CPU time (user + system, from {@code /proc}) per operation in that window,
 * and how that time split by kind of thread.
 */
record Throughput(Stats stats, int clients, double cpuMsPerOp, CpuSplit split) {

    Throughput {
        if (!(cpuMsPerOp >= 0) || Double.isInfinite(cpuMsPerOp)) {
            throw new IllegalStateException("server CPU per operation of " + cpuMsPerOp + " ms is impossible");
        }
    }
}
