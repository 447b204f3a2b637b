package dev.reviewgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How the benchmark starts server JVMs, and what it needs to read their CPU time. */
final class JvmOptions {

    private static volatile long clockTicks;

    private JvmOptions() {}

    /** The file the {@code reviewgate} launcher takes the server's JVM options from. */
    static final Path LAUNCHER_OPTIONS = Path.of("bin", "server-jvm-options");

    /** The server JVM's options: the launcher's, so memory is measured as it is run. */
    static List<String> server() {
        try {
            return List.of(Files.readString(LAUNCHER_OPTIONS).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("run the benchmark from the repository root: " + LAUNCHER_OPTIONS, e);
        }
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
