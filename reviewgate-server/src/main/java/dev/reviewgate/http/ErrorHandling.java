package dev.reviewgate.http;

import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to problem+json: our {@link Problem}, Javalin's own responses (413 from the
 * body limit), unmatched routes (404) and methods (405), and anything unexpected (500, logged,
 * details withheld from the caller).
 */
public final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);
    private static final String RENDERED = "reviewgate.problemRendered";

    private ErrorHandling() {}

    /** Renders a problem for a person (an HTML page) when the request came from a browser page. */
    public interface PageRenderer {
        boolean wants(Context ctx);

        void render(Context ctx, Problem problem);
    }

    /** The request attribute holding this server's page renderer: per server, never a global. */
    private static final String RENDERER = "reviewgate.pageRenderer";

    /**
     * Registers the mappings; {@code pageRenderer} answers browser page requests with HTML and
     * {@code maxBodyBytes} is the body limit behind Javalin's own 413.
     */
    public static void register(RoutesConfig routes, long maxBodyBytes, PageRenderer pageRenderer) {
        routes.before(ctx -> ctx.attribute(RENDERER, pageRenderer));
        routes.exception(Problem.class, (e, ctx) -> render(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                OversizedBodies.discardRemaining(ctx, maxBodyBytes);
            }
            render(ctx, fromJavalin(e));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            Optional<Integer> refused = clientError(e);
            if (refused.isPresent()) {
                // Jetty gives up on the rest of such a body and drops the connection after answering.
                ctx.header("Connection", "close");
                render(
                        ctx,
                        Problem.of(
                                refused.get(),
                                "Malformed request",
                                "The request body cannot be read as its"
                                        + " Content-Type says (for example a multipart body without its boundary)."));
                return;
            }
            if (Database.isUnavailable(e)) {
                LOG.warn("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.header("Retry-After", "1");
                render(
                        ctx,
                        Problem.of(
                                503,
                                "Service unavailable",
                                "The database cannot be reached right now; retry shortly."));
                return;
            }
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            render(
                    ctx,
                    Problem.of(500, "Internal error", "The server failed to handle the request; it has been logged."));
        });
        routes.error(404, ctx -> renderIfBare(ctx, Problem.notFound("No route " + ctx.method() + " " + ctx.path())));
        routes.error(
                405,
                ctx -> renderIfBare(
                        ctx, Problem.of(405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path())));
    }

    public static void render(Context ctx, Problem problem) {
        PageRenderer renderer = ctx.attribute(RENDERER);
        if (renderer != null && renderer.wants(ctx)) {
            renderer.render(ctx, problem);
        } else {
            Responses.problem(ctx, problem);
        }
        ctx.attribute(RENDERED, true);
    }

    private static void renderIfBare(Context ctx, Problem problem) {
        if (ctx.attribute(RENDERED) == null) {
            render(ctx, problem);
        }
    }

    /**
     * Jetty reports input it cannot parse (a multipart body without a boundary) as an exception
     * carrying a 4xx status, wrapped by the servlet layer; that is the client's error, not ours.
     */
    private static Optional<Integer> clientError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return Optional.of(http.getCode());
            }
        }
        return Optional.empty();
    }

    private static Problem fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> Problem.tooLarge("The request body is larger than this server accepts.");
            case 404 -> Problem.notFound(e.getMessage());
            case 405 -> Problem.of(405, "Method not allowed", e.getMessage());
            default -> Problem.of(e.getStatus(), "HTTP " + e.getStatus(), e.getMessage());
        };
    }
}
