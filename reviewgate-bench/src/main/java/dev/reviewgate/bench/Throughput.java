package dev.reviewgate.bench;

/**
 * A throughput row: the latencies of a measuring window, the number of concurrent clients, the
 * server process's own CPU time (user + system, from {@code /proc}) per operation in that window,
 * how that time split by kind of thread, and how busy the whole machine's cores were (0 to 1).
 */
record Throughput(Stats stats, int clients, double cpuMsPerOp, CpuSplit split, double machineBusy) {

    /**
     * What Little's law makes the mean latency of a closed loop: each of the clients waits for the
     * others' operations, so the mean is clients / throughput whatever the server does per request.
     */
    double queueingMs() {
        return clients * 1000.0 / stats.perSecond();
    }

    Throughput {
        if (!(cpuMsPerOp >= 0) || Double.isInfinite(cpuMsPerOp)) {
            throw new IllegalStateException("server CPU per operation of " + cpuMsPerOp + " ms is impossible");
        }
    }
}
