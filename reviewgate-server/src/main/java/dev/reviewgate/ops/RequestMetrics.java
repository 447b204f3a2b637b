package dev.reviewgate.ops;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request count and latency per route template ({@code /v1/reviews/{reviewId}}), never per raw
 * path, so the number of series stays bounded whatever ids clients send.
 */
public final class RequestMetrics {

    private static final String START = "reviewgate.metrics.start";
    private static final String ROUTE = "reviewgate.metrics.route";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /**
     * The timer of each (method, route template, status), found once: building and registering a
     * timer's id on every request was about 2% of the server's CPU per create. Bounded as the
     * registry's series are.
     */
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Before every request. */
    public void start(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    /** Called by the handler wrapper when an endpoint is chosen, so the template is known. */
    public void routeMatched(Context ctx, Endpoint endpoint) {
        if (!HandlerType.BEFORE.equals(endpoint.method) && !HandlerType.AFTER.equals(endpoint.method)) {
            ctx.attribute(ROUTE, endpoint.path);
        }
    }

    /** After every request, including failed and unmatched ones. */
    public void finish(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        String route = ctx.attribute(ROUTE);
        record(ctx.method().name(), route == null ? "unmatched" : route, ctx.statusCode(), start);
    }

    /**
     * One request served outside Javalin's routes (the MCP servlet), under its fixed route, timed
     * from {@code startNanos} ({@link System#nanoTime()}).
     */
    public void record(String method, String route, int status, long startNanos) {
        timers.computeIfAbsent(
                        method + ' ' + status + ' ' + route,
                        k -> Timer.builder("http.server.requests")
                                .description("HTTP requests by route template")
                                .tag("method", method)
                                .tag("route", route)
                                .tag("status", Integer.toString(status))
                                .publishPercentileHistogram(false)
                                .register(registry))
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    public String scrape() {
        return registry.scrape();
    }
}
