package dev.reviewgate.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Jetty client against a real local server: the guard decides what is connected to. */
class PinnedAddressResolverTest {

    private static final NetworkPolicy ALLOW_LOCALHOST = new NetworkPolicy(false, List.of(Cidr.parse("127.0.0.1/32")));

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> hostHeader = new AtomicReference<>();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            hostHeader.set(exchange.getRequestHeaders().getFirst("Host"));
            if (exchange.getRequestURI().getPath().equals("/redirect")) {
                exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.stop();
        }
        server.stop(0);
    }

    @Test
    void loopbackIsNotConnectedToWhenPrivateIsNotAllowed() throws Exception {
        startClient(new SsrfGuard(NetworkPolicy.strict(), new ScriptedResolver()), false);
        assertRefused(() -> get("http://127.0.0.1:" + port() + "/"), "127.0.0.1 is a loopback address");
        assertThat(requests).hasValue(0);
    }

    @Test
    void loopbackIsReachedWhenTheAllowListHasIt() throws Exception {
        startClient(new SsrfGuard(ALLOW_LOCALHOST, new ScriptedResolver()), false);
        assertThat(get("http://127.0.0.1:" + port() + "/").getStatus()).isEqualTo(204);
        assertThat(requests).hasValue(1);
    }

    @Test
    void aHostNameConnectsToTheCheckedAddressAndKeepsItsName() throws Exception {
        ScriptedResolver dns = new ScriptedResolver().answer("hooks.example", "127.0.0.1");
        startClient(new SsrfGuard(ALLOW_LOCALHOST, dns), false);
        assertThat(get("http://hooks.example:" + port() + "/").getStatus()).isEqualTo(204);
        assertThat(hostHeader).hasValue("hooks.example:" + port());
        assertThat(dns.calls()).isEqualTo(1);
    }

    @Test
    void aHostNameResolvingToARefusedAddressIsNotConnectedTo() throws Exception {
        ScriptedResolver dns = new ScriptedResolver().answer("hooks.example", "127.0.0.1");
        startClient(new SsrfGuard(NetworkPolicy.strict(), dns), false);
        assertRefused(() -> get("http://hooks.example:" + port() + "/"), "resolves to a refused address");
        assertThat(requests).hasValue(0);
    }

    @Test
    void evenAFollowedRedirectToMetadataIsRefusedAtConnectTime() throws Exception {
        // Delivery does not follow redirects; this shows the guard holds even if a client did.
        startClient(new SsrfGuard(ALLOW_LOCALHOST, new ScriptedResolver()), true);
        assertRefused(
                () -> get("http://127.0.0.1:" + port() + "/redirect"),
                "169.254.169.254 is a link-local/metadata address");
        assertThat(requests).hasValue(1);
    }

    @Test
    void completesThePromiseWithTheOneCheckedAddressOnTheCallingThread() throws Exception {
        ScriptedResolver dns = new ScriptedResolver().answer("example.com", "93.184.216.34", "2606:2800::1");
        PinnedAddressResolver resolver = new PinnedAddressResolver(new SsrfGuard(NetworkPolicy.strict(), dns));
        CompletableFuture<List<InetSocketAddress>> resolved = new CompletableFuture<>();
        resolver.resolve("example.com", 443, Map.of(), Promise.from(resolved));
        assertThat(resolved.getNow(null)).containsExactly(new InetSocketAddress(CidrTest.ip("93.184.216.34"), 443));

        CompletableFuture<List<InetSocketAddress>> refused = new CompletableFuture<>();
        resolver.resolve("169.254.169.254", 80, Map.of(), Promise.from(refused));
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(RefusedAddressException.class);
    }

    private void startClient(SsrfGuard guard, boolean followRedirects) throws Exception {
        // Resolving on the client's own pool, as delivery should, so DNS never blocks a selector.
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("webhook-test");
        client = new HttpClient();
        client.setExecutor(pool);
        client.setSocketAddressResolver(new PinnedAddressResolver(guard, pool));
        client.setFollowRedirects(followRedirects);
        client.start();
    }

    private ContentResponse get(String url) throws Exception {
        return client.newRequest(url).timeout(5, TimeUnit.SECONDS).send();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private static void assertRefused(ThrowingCallable call, String reason) {
        assertThatThrownBy(call)
                .isInstanceOf(ExecutionException.class)
                .rootCause()
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining(reason);
    }
}
