package dev.reviewgate.testing;

import static dev.reviewgate.testing.JarProcess.find;
import static dev.reviewgate.testing.JarProcess.readUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged server ({@code java -jar reviewgate.jar serve}) that a crash test starts, kills with
 * SIGKILL ({@code kill -9}: no shutdown hook runs, leases stay held) and starts again on the same
 * data directory or database. Close it in {@code @AfterEach}.
 */
public final class JarServer implements AutoCloseable {

    private static final String READY = "Reviewgate is running at";

    private final String apiKey;
    private final Map<String, String> env;
    private final List<String> args;
    private Process process;

    private JarServer(String apiKey, Map<String, String> env, List<String> args) {
        this.apiKey = apiKey;
        this.env = Map.copyOf(env);
        this.args = List.copyOf(args);
    }

    /**
     * A server on the SQLite database in {@code dataDir}.
     *
     * @param env REVIEWGATE_* settings besides the bootstrap key (none is inherited)
     */
    public static JarServer onDataDir(Path dataDir, String apiKey, Map<String, String> env) {
        return new JarServer(
                apiKey,
                with(env, "REVIEWGATE_BOOTSTRAP_API_KEY", apiKey),
                List.of("serve", "--port", "0", "--data-dir", dataDir.toString()));
    }

    /** A server on {@code databaseUrl}, e.g. a PostgreSQL database several tests or instances share. */
    public static JarServer onDatabase(String databaseUrl, String apiKey, Map<String, String> env) {
        Map<String, String> all = with(env, "REVIEWGATE_BOOTSTRAP_API_KEY", apiKey);
        all.put("REVIEWGATE_DATABASE_URL", databaseUrl);
        return new JarServer(apiKey, all, List.of("serve", "--port", "0"));
    }

    /** Starts the process and waits until it prints that it is running (60 s at most). */
    public Api start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        process = JarProcess.java(env, args.toArray(String[]::new)).start();
        List<String> printed = readUntil(process, READY);
        return new Api(find(printed, READY + " (http://localhost:\\d+)"), apiKey);
    }

    /** {@code kill -9}, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not exit within 10 s of SIGKILL");
        }
    }

    /** Kills the running process with {@code kill -9} and starts a new one on the same data. */
    public Api restart() throws IOException, InterruptedException {
        kill();
        return start();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> all = new HashMap<>(env);
        all.put(name, value);
        return all;
    }
}
