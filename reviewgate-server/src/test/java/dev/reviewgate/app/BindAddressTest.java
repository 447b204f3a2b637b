package dev.reviewgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reviewgate.config.Settings;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.TestDatabase;
import dev.reviewgate.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The HTTP connector listens where it is told to: every interface by default, or one address. */
class BindAddressTest {

    @Test
    void listensOnlyOnTheConfiguredAddress() {
        try (TestServer server = TestServer.start(settingsBoundTo("127.0.0.1"), InstantSource.system())) {
            int port = server.app().port();

            assertThat(new Api("http://127.0.0.1:" + port, null).get("/healthz").status())
                    .isEqualTo(200);
            // Another loopback address of this host: reachable only when listening on every interface.
            assertThatThrownBy(() -> connect("127.0.0.2", port)).isInstanceOf(IOException.class);
            assertThat(server.app().bindAddress()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void listensOnEveryInterfaceByDefault() {
        Settings defaults = TestServer.settings(
                TestDatabase.SQLITE.newDatabaseUrl(),
                Settings.DEFAULT_MAX_BODY_BYTES,
                NetworkPolicy.strict(),
                Settings.DEFAULT_WEBHOOK_TIMEOUT);
        try (TestServer server = TestServer.start(defaults, InstantSource.system())) {
            assertThat(server.app().bindAddress()).isEqualTo("0.0.0.0");
        }
    }

    private static Settings settingsBoundTo(String address) {
        return new Settings(
                        0,
                        Path.of("build-unused"),
                        TestDatabase.SQLITE.newDatabaseUrl(),
                        null,
                        Settings.DEFAULT_MAX_BODY_BYTES,
                        TestServer.API_KEY,
                        TestServer.ADMIN_PASSWORD,
                        "admin@example.com",
                        NetworkPolicy.strict(),
                        Settings.DEFAULT_WEBHOOK_TIMEOUT)
                .boundTo(address);
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
        }
    }
}
