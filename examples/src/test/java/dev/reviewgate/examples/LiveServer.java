package dev.reviewgate.examples;

import dev.reviewgate.app.Application;
import dev.reviewgate.client.Reviewgate;
import dev.reviewgate.config.Settings;
import dev.reviewgate.net.Cidr;
import dev.reviewgate.net.NetworkPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * The real Reviewgate server on a free port over a fresh SQLite file, started once per test JVM
 * exactly as {@code serve} starts it. Webhooks may go to 127.0.0.1 only, where the tests' receivers
 * listen. Suites keep apart by using their own form, run and workflow ids.
 */
public final class LiveServer {

    public static final String API_KEY = "rg_examples_test_bootstrap_key_0123456789abcdef";

    private static Application app;

    private LiveServer() {}

    public static synchronized String baseUrl() {
        if (app == null) {
            app = Application.start(settings(), InstantSource.system());
            Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        }
        return "http://localhost:" + app.port();
    }

    public static Reviewgate client() {
        return Reviewgate.builder().baseUrl(baseUrl()).apiKey(API_KEY).build();
    }

    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Settings settings() {
        try {
            Path dir = Files.createTempDirectory("reviewgate-examples-test-");
            NetworkPolicy loopbackOnly = new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32")));
            return new Settings(
                    0,
                    dir,
                    Settings.sqliteUrl(dir),
                    null,
                    Settings.DEFAULT_MAX_BODY_BYTES,
                    API_KEY,
                    "correct horse battery staple",
                    "admin@example.com",
                    loopbackOnly,
                    Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
