package dev.reviewgate.bench;

/**
 * A throughput row: the latencies of a measuring window, the number of concurrent clients, the
 * server process's own CPU time (user + system, from {@code /proc}) per operation in that window,
 * how that time split by kind of thread, and how the whole machine's cores were used meanwhile.
 */
record Throughput(Stats stats, int clients, double cpuMsPerOp, CpuSplit split, MachineCpu.Usage machine) {

    /**
     * What Little's law makes the mean latency of a closed loop: each of the clients waits for the
     * others' operations, so the mean is clients / throughput whatever the server does per request.
     */
    double queueingMs() {
        return clients * 1000.0 / stats.perSecond();
    }

    /** The cores the server used on average over the window. */
    double serverCores() {
        return serverCores(stats, cpuMsPerOp);
    }

    private static double serverCores(Stats stats, double cpuMsPerOp) {
        return stats.perSecond() * cpuMsPerOp / 1000;
    }

    /**
     * Who used the cores: the machine's busy share, then the server, PostgreSQL (when it is the
     * database) and the load generator, in cores.
     */
    String coresUsed(boolean postgres) {
        return String.format(
                "machine %.0f%% busy: server %.2f cores, %sload generator %.2f",
                100 * machine.busy(),
                serverCores(),
                postgres ? String.format("PostgreSQL %.2f, ", machine.postgresCores()) : "",
                machine.loadCores());
    }

    Throughput {
        if (!(cpuMsPerOp >= 0) || Double.isInfinite(cpuMsPerOp)) {
            throw new IllegalStateException("server CPU per operation of " + cpuMsPerOp + " ms is impossible");
        }
        machine.requireRoomFor(serverCores(stats, cpuMsPerOp));
    }
}
