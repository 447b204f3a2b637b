package dev.reviewgate.ops;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Request count and latency per route template ({@code /v1/reviews/{reviewId}}), never per raw
 * path, so the number of series stays bounded whatever ids clients send.
 */
public final class RequestMetrics {

    private static final String START = "reviewgate.metrics.start";
    private static final String ROUTE = "reviewgate.metrics.route";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

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
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template")
                .tag("method", ctx.method().name())
                .tag("route", route == null ? "unmatched" : route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram(false)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    public String scrape() {
        return registry.scrape();
    }
}
