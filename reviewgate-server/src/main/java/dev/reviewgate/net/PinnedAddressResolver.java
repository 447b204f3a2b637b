package dev.reviewgate.net;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The address resolver for the Jetty {@code HttpClient} that delivers webhooks: every connection,
 * including one for a followed redirect, goes to the single address {@link SsrfGuard#resolveChecked}
 * checked. Jetty still uses the URL's host name for the {@code Host} header, SNI and TLS hostname
 * verification, so pinning the address does not weaken HTTPS.
 *
 * <p>Must not be combined with an HTTP proxy: then Jetty resolves the proxy's host and the proxy
 * resolves the webhook's, beyond the guard's reach.
 */
public final class PinnedAddressResolver implements SocketAddressResolver {

    private final SsrfGuard guard;
    private final Executor executor;

    /** Resolves on the calling thread; fine when the thread sending the request may block on DNS. */
    public PinnedAddressResolver(SsrfGuard guard) {
        this(guard, Runnable::run);
    }

    /**
     * Resolves on {@code executor} (e.g. the client's own), because DNS lookups block and Jetty may
     * ask for a connection from a thread that must not block.
     */
    public PinnedAddressResolver(SsrfGuard guard, Executor executor) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            executor.execute(() -> resolveNow(host, port, promise));
        } catch (RejectedExecutionException e) {
            promise.failed(e);
        }
    }

    private void resolveNow(String host, int port, Promise<List<InetSocketAddress>> promise) {
        InetSocketAddress address;
        try {
            address = guard.resolveChecked(host, port);
        } catch (Exception e) {
            // Includes a resolver's runtime failure, so the request fails instead of hanging.
            promise.failed(e);
            return;
        }
        promise.succeeded(List.of(address));
    }
}
