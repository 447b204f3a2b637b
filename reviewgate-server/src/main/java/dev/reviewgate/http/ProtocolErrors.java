package dev.reviewgate.http;

import dev.reviewgate.error.Problem;
import dev.reviewgate.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before any route runs: a URI it cannot decode ({@code %zz},
 * {@code %00}, invalid UTF-8), a malformed header. Without this Jetty wrote its own HTML page
 * without our security headers, named its internals, and dropped the connection unannounced.
 *
 * <p>Such a request leaves the connection in a state Jetty does not reuse, so every answer here
 * says {@code Connection: close}, which also makes Jetty close it when it would not have.
 */
public final class ProtocolErrors implements Request.Handler {

    private final Map<String, String> securityHeaders;

    public ProtocolErrors(Map<String, String> securityHeaders) {
        this.securityHeaders = Map.copyOf(securityHeaders);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = status(request, response);
        Problem problem = problem(status);
        byte[] body = Json.write(Responses.problemBody(problem)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        securityHeaders.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(body.length));
        if ("HEAD".equals(request.getMethod())) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
        return true;
    }

    private static int status(Request request, Response response) {
        int status = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException e) {
            status = e.getCode();
        }
        // An HTTP version other than 1.0 and 1.1 is the client's mistake; Jetty answers 505.
        return status < 400 || status == 505 ? 400 : status;
    }

    /** Our words for each status; Jetty's reasons name its checks and are not repeated. */
    private static Problem problem(int status) {
        return switch (status) {
            case 400 ->
                Problem.badRequest("The request cannot be read: its URI has an invalid %-escape or"
                        + " character, a header is malformed, or it is not HTTP/1.1 or HTTP/1.0.");
            case 414 -> Problem.of(414, "URI too long", "The request URI is longer than this server accepts.");
            case 431 ->
                Problem.of(
                        431, "Request headers too large", "The request headers are larger than this server accepts.");
            default ->
                Problem.of(
                        status,
                        status >= 500 ? "Internal error" : "Malformed request",
                        status >= 500
                                ? "The server failed to handle the request; it has been logged."
                                : "The request cannot be handled as sent.");
        };
    }
}
