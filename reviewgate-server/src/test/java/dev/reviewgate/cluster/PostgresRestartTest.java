package dev.reviewgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.config.Settings;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops and starts again under load: while it is away the service answers 503 quickly
 * (no hangs); afterwards it serves again without being restarted itself.
 */
class PostgresRestartTest {

    @Test
    void theServiceRecoversByItselfWhenPostgresComesBack() throws Exception {
        Path dataDir = Files.createTempDirectory("reviewgate-pg-restart-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres postgres = start(dataDir, port);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Settings settings = TestServer.settings(
                url, Settings.DEFAULT_MAX_BODY_BYTES, NetworkPolicy.strict(), Settings.DEFAULT_WEBHOOK_TIMEOUT);
        try (TestServer server = TestServer.start(settings, InstantSource.system())) {
            Api api = server.api();
            api.post("/v1/forms", Fixtures.blogForm());
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            List<Long> slowest = new CopyOnWriteArrayList<>(List.of(0L));
            AtomicBoolean running = new AtomicBoolean(true);
            Thread load = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    int status = api.post(
                                    "/v1/reviews",
                                    Map.of(
                                            "formId",
                                            "blog-review",
                                            "fields",
                                            Fixtures.blogFields("load", "https://cdn.example.com/a.jpg")))
                            .status();
                    slowest.set(0, Math.max(slowest.get(0), (System.nanoTime() - start) / 1_000_000));
                    statuses.merge(status, 1, Integer::sum);
                }
            });
            Thread.sleep(1_000);
            postgres.close();
            Thread.sleep(4_000);
            int duringOutage = statuses.getOrDefault(503, 0);
            postgres = start(dataDir, port);
            long back = System.currentTimeMillis();
            int recoveredStatus = 0;
            while (System.currentTimeMillis() - back < 20_000 && recoveredStatus != 201) {
                recoveredStatus = api.post(
                                "/v1/reviews",
                                Map.of(
                                        "formId",
                                        "blog-review",
                                        "fields",
                                        Fixtures.blogFields("after", "https://cdn.example.com/a.jpg")))
                        .status();
                Thread.sleep(200);
            }
            running.set(false);
            load.join(10_000);
            System.out.printf(
                    "PostgreSQL restart: statuses %s, slowest request %d ms, recovered %d ms after restart%n",
                    statuses, slowest.get(0), System.currentTimeMillis() - back);
            assertThat(duringOutage).as("503s while PostgreSQL was down").isGreaterThan(0);
            assertThat(statuses.keySet()).as("only successes and 503s").isSubsetOf(201, 503);
            assertThat(slowest.get(0)).as("no request hangs").isLessThan(10_000);
            assertThat(recoveredStatus).isEqualTo(201);
            assertThat(api.withKey(null).get("/readyz").status()).isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }
}
