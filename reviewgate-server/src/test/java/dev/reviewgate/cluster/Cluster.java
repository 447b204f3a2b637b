package dev.reviewgate.cluster;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.JarServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Several real server processes (the packaged jar) on one PostgreSQL database, started at the same time. */
final class Cluster implements AutoCloseable {

    static final String KEY = "rg_cluster_test_key_0123456789abcd";

    private final List<JarServer> servers = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();

    static Cluster start(int size, String databaseUrl, Map<String, String> extraEnv) throws Exception {
        Cluster cluster = new Cluster();
        Map<String, String> env = new HashMap<>(
                Map.of("REVIEWGATE_WEBHOOK_ALLOW_CIDRS", "127.0.0.1/32", "REVIEWGATE_WEBHOOK_TIMEOUT_SECONDS", "3"));
        env.putAll(extraEnv);
        List<CompletableFuture<Api>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            JarServer server = JarServer.onDatabase(databaseUrl, KEY, env);
            cluster.servers.add(server);
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return server.start();
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
        servers.get(instance).kill();
    }

    @Override
    public void close() throws InterruptedException {
        for (JarServer server : servers) {
            server.close();
        }
    }
}
