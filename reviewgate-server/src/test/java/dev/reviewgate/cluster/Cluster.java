package dev.reviewgate.cluster;

import static dev.reviewgate.testing.JarProcess.find;
import static dev.reviewgate.testing.JarProcess.readUntil;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.JarProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Several real server processes (the packaged jar) on one PostgreSQL database, started at the same time. */
final class Cluster implements AutoCloseable {

    static final String KEY = "rg_cluster_test_key_0123456789abcd";

    private final List<Process> processes = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();

    static Cluster start(int size, String databaseUrl, Map<String, String> extraEnv) throws Exception {
        Cluster cluster = new Cluster();
        Map<String, String> env = new HashMap<>(Map.of(
                "REVIEWGATE_DATABASE_URL",
                databaseUrl,
                "REVIEWGATE_BOOTSTRAP_API_KEY",
                KEY,
                "REVIEWGATE_WEBHOOK_ALLOW_CIDRS",
                "127.0.0.1/32",
                "REVIEWGATE_WEBHOOK_TIMEOUT_SECONDS",
                "3"));
        env.putAll(extraEnv);
        List<CompletableFuture<Api>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Process p = JarProcess.java(env, "serve", "--port", "0").start();
            cluster.processes.add(p);
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    List<String> printed = readUntil(p, "Reviewgate is running at");
                    return new Api(find(printed, "Reviewgate is running at (http://localhost:\\d+)"), KEY);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<Api> api : starting) {
            cluster.apis.add(api.get(90, TimeUnit.SECONDS));
        }
        return cluster;
    }

    Api api(int instance) {
        return apis.get(instance);
    }

    int size() {
        return apis.size();
    }

    /** SIGKILL: no shutdown hook runs, leases stay held until they expire. */
    void kill(int instance) throws InterruptedException {
        Process p = processes.get(instance);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
