package dev.reviewgate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged server as its own process, so its memory is its own and it shares no JIT with the load. */
final class ServerProcess implements AutoCloseable {

    static final String KEY = "rg_benchmark_key_0123456789abcdef";
    /** The jar {@code reviewgate-bench/run} builds; {@code --compare} starts an older one beside it. */
    static final Path JAR = Path.of("reviewgate-server", "target", "reviewgate.jar");

    private static final Pattern RUNNING = Pattern.compile("Reviewgate is running at (http://localhost:\\d+)");

    private final Process process;
    private final String url;
    private final Http http;

    private ServerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
        this.http = new Http(url, KEY);
    }

    static ServerProcess start(Map<String, String> env, String... args) throws IOException {
        return start(JAR, JvmOptions.server(), env, args);
    }

    /** The server of {@code jar} (this build's, or an older one to compare with) with these JVM options. */
    static ServerProcess start(Path jar, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run reviewgate-bench/run from the repository root");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        // e.g. -XX:StartFlightRecording=filename=server.jfr to profile the server under the benchmark's load
        String extra = System.getenv("REVIEWGATE_BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("REVIEWGATE_"));
        builder.environment().put("REVIEWGATE_BOOTSTRAP_API_KEY", KEY);
        builder.environment().putAll(env);
        Process process = builder.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 90_000;
        String line;
        while (System.currentTimeMillis() < deadline && (line = out.readLine()) != null) {
            Matcher m = RUNNING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> drain(out));
                return new ServerProcess(process, m.group(1));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start");
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** One client (one connection pool) per server. */
    Http http() {
        return http;
    }

    /**
     * CPU time the server process has used so far (user + system, all its threads: request work,
     * the JIT, GC), from {@code /proc/<pid>/stat}.
     */
    long cpuNanos() throws IOException {
        return ticksToNanos(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")));
    }

    /** Each of its threads' CPU time so far, by thread id. */
    java.util.Map<Long, CpuSplit.Thread> threadCpu() throws IOException {
        return CpuSplit.threads(process.pid());
    }

    /** User + system time in a {@code /proc} stat line (a process's or a thread's). */
    static long ticksToNanos(String stat) throws IOException {
        return ProcStat.parse(stat).ticks() * (1_000_000_000L / JvmOptions.clockTicksPerSecond());
    }

    /** Resident memory of the server process, in MiB, from /proc. */
    long rssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard the server's log
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
