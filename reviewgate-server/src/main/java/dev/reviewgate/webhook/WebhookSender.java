package dev.reviewgate.webhook;

import dev.reviewgate.net.PinnedAddressResolver;
import dev.reviewgate.net.RefusedAddressException;
import dev.reviewgate.net.SsrfGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Sends one signed POST. Connections go only to addresses the {@link SsrfGuard} checked (the
 * resolver is pinned), redirects are not followed (a 3xx is a failed attempt), the whole exchange
 * is bounded by the timeout, and no more than the first KiB of the response body is read.
 */
public final class WebhookSender implements AutoCloseable {

    /** What an attempt produced: a status (or an error), the body excerpt, Retry-After and the time taken. */
    public record Outcome(
            Integer statusCode, String excerpt, Optional<Duration> retryAfter, String error, long durationMs) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** Done without sending: nothing is left to say (the review was decided first, say). Never retried. */
        public static Outcome skipped(String why) {
            return new Outcome(204, "not sent: " + why, Optional.empty(), null, 0);
        }
    }

    private final HttpClient client = new HttpClient();
    private final Duration timeout;

    public WebhookSender(SsrfGuard guard, Duration timeout) {
        this.timeout = timeout;
        // DNS lookups block; they run on virtual threads, never on a Jetty selector thread.
        client.setSocketAddressResolver(new PinnedAddressResolver(guard, Executors.newVirtualThreadPerTaskExecutor()));
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeout.toMillis());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Reviewgate-Webhooks/0.1"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the webhook HTTP client did not start", e);
        }
    }

    public Outcome send(String url, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        InputStreamResponseListener listener = new InputStreamResponseListener();
        try {
            Request request = client.POST(url)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8));
            headers.forEach((name, value) -> request.headers(h -> h.put(name, value)));
            request.send(listener);
            Response response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String excerpt = readExcerpt(listener);
            return new Outcome(
                    response.getStatus(),
                    excerpt,
                    retryAfter(response.getHeaders().get(HttpHeader.RETRY_AFTER)),
                    null,
                    elapsed(start));
        } catch (TimeoutException e) {
            return failure("timed out after " + timeout.toSeconds() + " s", start);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // The request's own timeout and listener.get's race; whichever fires, it is the same timeout.
            if (cause instanceof TimeoutException) {
                return failure("timed out after " + timeout.toSeconds() + " s", start);
            }
            return failure(describe(cause), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted (shutting down)", start);
        } catch (RuntimeException e) {
            return failure(describe(e), start);
        }
    }

    private static String readExcerpt(InputStreamResponseListener listener) {
        try (InputStream in = listener.getInputStream()) {
            byte[] bytes = in.readNBytes(Attempt.MAX_EXCERPT);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Seconds or an HTTP date, as RFC 9110 allows; anything else is ignored. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
            } catch (RuntimeException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RefusedAddressException) {
                return "refused by the SSRF guard: " + c.getMessage();
            }
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static Outcome failure(String error, long start) {
        return new Outcome(null, null, Optional.empty(), error, elapsed(start));
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception ignored) {
            // shutting down
        }
    }
}
