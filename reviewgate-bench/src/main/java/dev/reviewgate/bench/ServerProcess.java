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
    private static final Path JAR = Path.of("reviewgate-server", "target", "reviewgate.jar");
    private static final Pattern RUNNING = Pattern.compile("Reviewgate is running at (http://localhost:\\d+)");

    private final Process process;
    private final String url;

    private ServerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static ServerProcess start(Map<String, String> env, String... args) throws IOException {
        return start("-Xmx2g", env, args);
    }

    /** The same with another heap limit, e.g. {@code -Xmx256m} to show what a small heap can serve. */
    static ServerProcess start(String maxHeap, Map<String, String> env, String... args) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run reviewgate-bench/run from the repository root");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, maxHeap));
        // e.g. -XX:StartFlightRecording=filename=server.jfr to profile the server under the benchmark's load
        String extra = System.getenv("REVIEWGATE_BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toString(), "serve", "--port", "0"));
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

    Http http() {
        return new Http(url, KEY);
    }

    /** Resident memory of the server process, in MiB, from /proc. */
    long rssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
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
