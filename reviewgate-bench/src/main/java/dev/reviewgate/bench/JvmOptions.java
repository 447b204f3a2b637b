package dev.reviewgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** How the benchmark starts server JVMs, and what it needs to read their CPU time. */
final class JvmOptions {

    private static volatile long clockTicks;

    private JvmOptions() {}

    /** The server JVM's options. */
    static List<String> server() {
        return List.of("-Xmx2g");
    }

    /** {@code getconf CLK_TCK}: the unit of the CPU times in {@code /proc/<pid>/stat}. */
    static long clockTicksPerSecond() throws IOException {
        if (clockTicks == 0) {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            try {
                if (p.waitFor() != 0) {
                    throw new IOException("getconf CLK_TCK failed: " + out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            long ticks = Long.parseLong(out);
            if (ticks <= 0 || 1_000_000_000L % ticks != 0) {
                throw new IOException("unexpected CLK_TCK " + ticks);
            }
            clockTicks = ticks;
        }
        return clockTicks;
    }
}
