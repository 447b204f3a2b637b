package dev.reviewgate.app;

import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.config.Settings;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.ErrorHandling;
import dev.reviewgate.http.OversizedBodies;
import dev.reviewgate.http.ProtocolErrors;
import dev.reviewgate.http.RequestChecks;
import dev.reviewgate.idempotency.Idempotency;
import dev.reviewgate.ops.RequestMetrics;
import dev.reviewgate.ui.WebApp;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/** Javalin with the service's filters, error mapping and every feature's routes. */
public final class HttpServer {

    /** A feature's routes: the one place a feature registers what it serves. */
    @FunctionalInterface
    public interface Feature {
        void routes(RoutesConfig routes);
    }

    /**
     * A servlet served beside Javalin's own (the MCP endpoint). Javalin's filters do not wrap it, so
     * it brings its own authentication and metrics.
     */
    @FunctionalInterface
    public interface Mount {
        void mount(ServletContextHandler handler);
    }

    /** Everything the server routes to, built by {@link Application}: the filters, then each feature. */
    public record Routes(
            ApiKeyAuthenticator auth,
            Idempotency idempotency,
            RequestMetrics metrics,
            WebApp web,
            List<Feature> features,
            List<Mount> mounts) {}

    /** One registered endpoint: its method and path template (for the OpenAPI completeness test). */
    public record Route(String method, String path) {}

    /**
     * Connections the kernel may hold for us before they are accepted. The JVM's default is 50: a
     * burst of connections (thousands of parked long polls, agents reconnecting after a deploy)
     * overflowed it, and the kernel then dropped handshakes silently; a client could wait a
     * minute and more for an answer the server never saw the request for. The kernel caps this at
     * {@code net.core.somaxconn}.
     */
    static final int ACCEPT_QUEUE = 4096;

    private HttpServer() {}

    /**
     * Binds the listening socket now, so that the real port (for {@code port 0}) is known before
     * anything that links to it is built, and no other process can take it in between.
     *
     * @throws UncheckedIOException wrapping the JDK's {@link java.net.BindException} when the
     *     address cannot be listened on
     */
    public static ServerSocketChannel listen(String bindAddress, int port) {
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(bindAddress, port), ACCEPT_QUEUE);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the server on the bound {@code channel} and appends every endpoint it registers to {@code registered}. */
    public static Javalin create(
            Settings settings, ServerSocketChannel channel, Routes routes, List<Route> registered) {
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector((server, http) -> {
                // Jetty reuses header fields of earlier requests on a connection, matched without
                // regard to case: a key in another case authenticated as the cached one. The server
                // must see the bytes each client sent, so nothing is cached.
                http.setHeaderCacheSize(0);
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(settings.bindAddress());
                connector.setPort(channel.socket().getLocalPort());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                try {
                    connector.open(channel);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return connector;
            });
            // On stop, requests in flight get up to 10 s to finish (long polls are answered first).
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.setErrorHandler(new ProtocolErrors(SECURITY_HEADERS));
            });
            config.jetty.modifyServletContextHandler(handler -> routes.mounts().forEach(m -> m.mount(handler)));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.events.handlerAdded(
                    info -> registered.add(new Route(info.getHttpMethod().name(), info.getPath())));
            config.router.handlerWrapper(endpoint -> {
                var inner = routes.idempotency().wrap(endpoint);
                return ctx -> {
                    routes.metrics().routeMatched(ctx, endpoint);
                    inner.handle(ctx);
                };
            });
            var r = config.routes;
            // First, so that a problem raised by any later filter can render as a page.
            ErrorHandling.register(r, settings.maxBodyBytes(), new ErrorHandling.PageRenderer() {
                @Override
                public boolean wants(Context ctx) {
                    return WebApp.isPage(ctx);
                }

                @Override
                public void render(Context ctx, Problem problem) {
                    routes.web().renderError(ctx, problem);
                }
            });
            r.before(routes.metrics()::start);
            r.before(ctx -> refuseOversizedBody(ctx, settings.maxBodyBytes()));
            r.before(RequestChecks::refuseUnreadable);
            r.before("/v1/*", routes.auth()::authenticate);
            r.after(ctx -> OversizedBodies.discardUnread(ctx, settings.maxBodyBytes()));
            r.after(HttpServer::secureHeaders);
            r.after(routes.metrics()::finish);
            routes.features().forEach(feature -> feature.routes(r));
        });
    }

    /** A declared length over the limit is refused before any of the body is parsed. */
    private static void refuseOversizedBody(Context ctx, long limit) {
        long length = ctx.contentLength();
        if (length > limit) {
            OversizedBodies.discardRemaining(ctx, limit);
            throw Problem.tooLarge(
                    "The request body is " + length + " bytes; this server accepts at most " + limit + ".");
        }
    }

    /**
     * Headers on every response. The CSP allows scripts and styles from this origin only, no
     * plugins, no framing and no base tag; images may come from https only because the reviewer
     * clicked "load image" (agent output itself can never place an img tag).
     */
    static final String CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; img-src 'self' https:";

    static final Map<String, String> SECURITY_HEADERS = orderedHeaders(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    private static Map<String, String> orderedHeaders(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(headers);
    }

    private static void secureHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (!ctx.path().startsWith("/static/") && !ctx.path().startsWith("/webjars/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
