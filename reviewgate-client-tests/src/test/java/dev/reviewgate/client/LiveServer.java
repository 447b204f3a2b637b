package dev.reviewgate.client;

import dev.reviewgate.app.Application;
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
import java.util.Map;
import java.util.UUID;

/**
 * The real Reviewgate server on a free port over a fresh SQLite file, started once per test JVM
 * exactly as {@code serve} starts it. Webhooks may go to 127.0.0.1 only, where the tests' receivers
 * listen. Suites keep apart by using their own form, run and workflow ids.
 */
final class LiveServer {

    /** Also set as REVIEWGATE_API_KEY by surefire, for the environment-default test. */
    static final String API_KEY = "rg_sdk_test_bootstrap_key_0123456789abcdef";

    private static Application app;

    private LiveServer() {}

    static synchronized String baseUrl() {
        if (app == null) {
            app = Application.start(settings(), InstantSource.system());
            Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        }
        return "http://localhost:" + app.port();
    }

    static Reviewgate client() {
        return Reviewgate.builder().baseUrl(baseUrl()).apiKey(API_KEY).build();
    }

    /** A blog form of the gotoHuman seed under a fresh id: markdown and images, both retryable. */
    static String newBlogForm(Reviewgate rg) {
        String id = "blog-" + UUID.randomUUID();
        rg.forms()
                .put(
                        id,
                        Map.of(
                                "name",
                                "Review blog post",
                                "fields",
                                List.of(
                                        Map.of(
                                                "id",
                                                "blog",
                                                "type",
                                                "markdown",
                                                "required",
                                                true,
                                                "retry",
                                                Map.of("button", true, "instructions", true)),
                                        Map.of(
                                                "id",
                                                "imageOptions",
                                                "type",
                                                "images",
                                                "selection",
                                                "multiple",
                                                "retry",
                                                Map.of("button", true, "instructions", true)))));
        return id;
    }

    /** The Retab seed's extract block under a fresh id, flagging outputs below 0.9 confidence. */
    static String newInvoiceForm(Reviewgate rg) {
        String id = "invoice-" + UUID.randomUUID();
        rg.forms()
                .put(
                        id,
                        Map.of(
                                "name",
                                "Invoice extraction",
                                "blockType",
                                "extract",
                                "schema",
                                Map.of(
                                        "type",
                                        "object",
                                        "required",
                                        List.of("total_amount", "vendor_name"),
                                        "properties",
                                        Map.of(
                                                "invoice_number",
                                                Map.of("type", "string"),
                                                "total_amount",
                                                Map.of("type", "number"),
                                                "vendor_name",
                                                Map.of("type", "string"))),
                                "reviewPolicy",
                                Map.of("kind", "confidence_lt", "threshold", 0.9)));
        return id;
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Settings settings() {
        try {
            Path dir = Files.createTempDirectory("reviewgate-sdk-test-");
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
