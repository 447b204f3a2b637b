package dev.reviewgate.cli;

import static dev.reviewgate.testing.JarProcess.find;
import static dev.reviewgate.testing.JarProcess.readUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's start command, as a user runs it: the shaded jar in its own JVM on an empty data
 * directory prints the URL, the admin login and an API key, and that key works.
 */
class ServeJarIT {

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void firstStartPrintsTheUrlTheAdminLoginAndAWorkingApiKey() throws Exception {
        Path dataDir = Files.createTempDirectory("reviewgate-it-");
        server = java("serve", "--port", "0", "--data-dir", dataDir.toString()).start();
        List<String> printed = readUntil(server, "API key:");

        String url = find(printed, "Reviewgate is running at (http://localhost:\\d+)");
        String login = find(printed, "Admin login:\\s+(\\S+)");
        String password = find(printed, "Admin password:\\s+(\\S+)");
        String key = find(printed, "API key:\\s+(rg_\\S+)");
        assertThat(login).isEqualTo("admin@reviewgate.local");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Files.exists(dataDir.resolve("reviewgate.db"))).isTrue();

        Api api = new Api(url, key);
        assertThat(api.withKey(null).get("/healthz").status()).isEqualTo(200);
        assertThat(api.get("/v1/forms").status()).isEqualTo(200);
        assertThat(api.withKey("rg_wrong_key_wrong_key_wrong").get("/v1/forms").status())
                .isEqualTo(401);

        Process keys = java("api-keys", "create", "--name", "agent-2", "--data-dir", dataDir.toString())
                .start();
        String secondKey = find(readUntil(keys, "API key"), "API key \\(shown once\\): (rg_\\S+)");
        assertThat(keys.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(api.withKey(secondKey).get("/v1/forms").status()).isEqualTo(200);

        Process users = java(
                        "users",
                        "create",
                        "--email",
                        "dana@example.com",
                        "--role",
                        "reviewer",
                        "--data-dir",
                        dataDir.toString())
                .start();
        assertThat(readUntil(users, "Password")).anyMatch(l -> l.contains("Created reviewer dana@example.com"));
        assertThat(users.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(users.exitValue()).isZero();

        Process accounts = java(
                        "accounts",
                        "create",
                        "--name",
                        "Beta",
                        "--admin-email",
                        "beta@example.com",
                        "--data-dir",
                        dataDir.toString())
                .start();
        String betaKey = find(readUntil(accounts, "API key:"), "API key:\\s+(rg_\\S+)");
        assertThat(accounts.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(accounts.exitValue()).isZero();
        assertThat(api.withKey(betaKey).get("/v1/forms").status()).isEqualTo(200);
    }

    @Test
    void aSecondStartPrintsNoSecrets() throws Exception {
        Path dataDir = Files.createTempDirectory("reviewgate-it-");
        server = java("serve", "--port", "0", "--data-dir", dataDir.toString()).start();
        readUntil(server, "API key:");
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);

        server = java("serve", "--port", "0", "--data-dir", dataDir.toString()).start();
        List<String> printed = readUntil(server, "Reviewgate is running at");
        Thread.sleep(500);
        assertThat(printed).noneMatch(l -> l.contains("API key"));
    }

    @Test
    void theBindVariableChoosesTheAddressToListenOn() throws Exception {
        server = JarProcess.java(
                        Map.of("REVIEWGATE_BIND", "127.0.0.2"),
                        "serve",
                        "--port",
                        "0",
                        "--data-dir",
                        Files.createTempDirectory("reviewgate-it-").toString())
                .start();
        List<String> printed = readUntil(server, "Reviewgate is running at");

        assertThat(find(printed, "listening on (\\S+):\\d+")).isEqualTo("127.0.0.2");
        int port = Integer.parseInt(find(printed, "listening on \\S+:(\\d+)"));
        assertThat(new Api("http://127.0.0.2:" + port, null).get("/healthz").status())
                .isEqualTo(200);
    }

    @Test
    void theBindFlagWinsOverItsVariable() throws Exception {
        server = JarProcess.java(
                        Map.of("REVIEWGATE_BIND", "127.0.0.2"),
                        "serve",
                        "--port",
                        "0",
                        "--bind",
                        "127.0.0.1",
                        "--data-dir",
                        Files.createTempDirectory("reviewgate-it-").toString())
                .start();
        List<String> printed = readUntil(server, "Reviewgate is running at");

        assertThat(find(printed, "listening on (\\S+):\\d+")).isEqualTo("127.0.0.1");
        int port = Integer.parseInt(find(printed, "listening on \\S+:(\\d+)"));
        assertThat(new Api("http://127.0.0.1:" + port, null).get("/healthz").status())
                .isEqualTo(200);
    }

    @Test
    void anAddressOfNoInterfaceHereIsAClearStartupError() throws Exception {
        // 192.0.2.0/24 is reserved for documentation: no machine has an interface on it.
        Process failed = java(
                        "serve",
                        "--port",
                        "0",
                        "--bind",
                        "192.0.2.1",
                        "--data-dir",
                        Files.createTempDirectory("reviewgate-it-").toString())
                .start();
        List<String> printed = readUntil(failed, "Cannot listen on 192.0.2.1:0");

        assertThat(failed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failed.exitValue()).isEqualTo(1);
        assertThat(printed).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
    }

    private static ProcessBuilder java(String... args) {
        return JarProcess.java(Map.of(), args);
    }
}
