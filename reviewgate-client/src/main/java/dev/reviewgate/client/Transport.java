package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends one API call: authentication, JSON, the typed errors, and retries where they are safe.
 *
 * <p>A call is safe to repeat when it is a GET, PUT or DELETE, or a POST with an {@code Idempotency-Key} (the
 * server then answers a repeat with the stored response instead of acting twice). Only those are
 * retried, on 429, 502, 503, 504 and network errors; everything else is reported at once.
 */
final class Transport {

    /** One call; POSTs carry an {@code idempotencyKey} (null only when the caller wants no retries). */
    record Call(String method, String path, JsonNode body, String idempotencyKey, Duration extraTimeout) {
        static Call get(String path) {
            return new Call("GET", path, null, null, Duration.ZERO);
        }

        /** A long poll: the server may hold it open for {@code wait} before answering. */
        static Call longPoll(String path, Duration wait) {
            return new Call("GET", path, null, null, wait);
        }

        /** A POST with a fresh key, reused by every retry of this call. */
        static Call post(String path, JsonNode body) {
            return new Call("POST", path, body, UUID.randomUUID().toString(), Duration.ZERO);
        }

        static Call post(String path, JsonNode body, String idempotencyKey) {
            return new Call("POST", path, body, idempotencyKey, Duration.ZERO);
        }

        /** A PUT: idempotent by its HTTP meaning, so it is retried without a key. */
        static Call put(String path, JsonNode body) {
            return new Call("PUT", path, body, null, Duration.ZERO);
        }

        /** A PATCH that sets values, so repeating it leaves the same state: retried without a key. */
        static Call patch(String path, JsonNode body) {
            return new Call("PATCH", path, body, null, Duration.ZERO);
        }

        static Call delete(String path) {
            return new Call("DELETE", path, null, null, Duration.ZERO);
        }

        boolean safeToRetry() {
            return !method.equals("POST") || idempotencyKey != null;
        }
    }

    private static final String USER_AGENT = "reviewgate-java/0.1";

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final RetryPolicy retries;

    Transport(HttpClient http, String baseUrl, String apiKey, Duration timeout, RetryPolicy retries) {
        this.http = http;
        // Concatenated, not URI.resolve, so a base URL with a path prefix (behind a proxy) keeps it.
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.retries = retries;
    }

    /** The answer's JSON body (null for 204), or the typed exception. */
    JsonNode send(Call call) {
        HttpRequest request = build(call);
        for (int retry = 0; ; retry++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                Duration delay = call.safeToRetry() ? retries.delay(retry, null) : null;
                if (delay == null) {
                    throw new ReviewgateException(0, null, call.method() + " " + call.path() + " failed: " + e, e);
                }
                pause(delay);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReviewgateException(0, null, "interrupted during " + call.method() + " " + call.path(), e);
            }
            int status = response.statusCode();
            if (status < 300) {
                String text = response.body();
                return text == null || text.isBlank() ? null : Json.parse(text);
            }
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            Duration delay = call.safeToRetry() && RetryPolicy.retryableStatus(status)
                    ? retries.delay(retry, Problems.retryAfter(retryAfter, Instant.now()))
                    : null;
            if (delay == null) {
                throw Problems.toException(status, response.body(), retryAfter);
            }
            pause(delay);
        }
    }

    private HttpRequest build(Call call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .timeout(timeout.plus(call.extraTimeout()))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        switch (call.method()) {
            case "GET" -> b.GET();
            case "DELETE" -> b.DELETE();
            default ->
                b.header("Content-Type", "application/json")
                        .method(
                                call.method(),
                                HttpRequest.BodyPublishers.ofString(
                                        call.body() == null ? "{}" : Json.write(call.body())));
        }
        if (call.idempotencyKey() != null) {
            b.header("Idempotency-Key", call.idempotencyKey());
        }
        return b.build();
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReviewgateException(0, null, "interrupted while backing off", e);
        }
    }
}
