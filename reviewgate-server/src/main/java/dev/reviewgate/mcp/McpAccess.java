package dev.reviewgate.mcp;

import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.ops.RequestMetrics;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * In front of the MCP servlet, which Javalin's before-handlers do not wrap: every request presents
 * a valid API key (else 401 before anything is read), and is counted in the metrics under
 * {@code /mcp} like any route. What the transport cannot map is a 400, never a 5xx.
 */
final class McpAccess implements Filter {

    static final String PRINCIPAL = "reviewgate.mcp.principal";
    static final String ROUTE = "/mcp";

    private final ApiKeyAuthenticator auth;
    private final RequestMetrics metrics;

    McpAccess(ApiKeyAuthenticator auth, RequestMetrics metrics) {
        this.auth = auth;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        long start = System.nanoTime();
        try {
            res.setHeader("X-Content-Type-Options", "nosniff");
            res.setHeader("Cache-Control", "no-store");
            Principal principal;
            try {
                // Whatever a tool changes records via "mcp".
                principal = auth.authenticate(req.getHeader("Authorization"), req.getHeader("x-api-key"))
                        .withVia(Via.MCP);
            } catch (Problem e) {
                refuse(res, e);
                return;
            }
            req.setAttribute(PRINCIPAL, principal);
            chain.doFilter(request, new BadInputIsNotAServerError(res));
        } finally {
            metrics.record(req.getMethod(), ROUTE, res.getStatus(), start);
        }
    }

    /**
     * The SDK's transport answers 500 when it cannot map a request's params onto its types (say,
     * {@code "arguments": 5}). Tools catch their own failures, so a 500 from the transport can only be
     * such input: it is a 400, with the SDK's JSON-RPC error as the body.
     */
    private static final class BadInputIsNotAServerError extends HttpServletResponseWrapper {

        BadInputIsNotAServerError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status == SC_INTERNAL_SERVER_ERROR ? SC_BAD_REQUEST : status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            super.sendError(status == SC_INTERNAL_SERVER_ERROR ? SC_BAD_REQUEST : status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            super.sendError(status == SC_INTERNAL_SERVER_ERROR ? SC_BAD_REQUEST : status);
        }
    }

    private static void refuse(HttpServletResponse res, Problem problem) throws IOException {
        res.setStatus(problem.status());
        res.setHeader("WWW-Authenticate", "Bearer");
        res.setContentType(Responses.PROBLEM_JSON);
        byte[] body = Json.write(Responses.problemBody(problem)).getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
