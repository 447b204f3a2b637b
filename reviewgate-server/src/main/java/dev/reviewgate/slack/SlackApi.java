package dev.reviewgate.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.webhook.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Slack's Web API over the JDK client, against the configured base URL ({@code
 * REVIEWGATE_SLACK_API_URL}; tests point it at a local fake). Methods that take JSON get JSON, the
 * user look-ups get a form; every call carries the bot token as a bearer token. A call that fails
 * says why: a transport error, HTTP 429 with its {@code Retry-After}, or Slack's {@code ok:false}
 * with its {@code error}.
 */
public final class SlackApi {

    /** At most this much of an answer is read; Slack's answers to these methods are small. */
    static final int MAX_ANSWER = 256 * 1024;

    /**
     * What a call produced.
     *
     * @param status     the HTTP status, or 0 when no answer came
     * @param body       the parsed answer ({@code {"ok":…}}), or an empty object
     * @param retryAfter how long Slack asked to wait (HTTP 429)
     * @param error      Slack's {@code error} code or the transport failure; null when ok
     */
    public record Result(int status, JsonNode body, Optional<Duration> retryAfter, String error, long durationMs) {

        public boolean ok() {
            return error == null;
        }

        /** The outcome of a delivery that made this call: ok delivers; 429 waits as asked; the rest is retried. */
        public WebhookSender.Outcome outcome(String done) {
            if (ok()) {
                return new WebhookSender.Outcome(status, done, Optional.empty(), null, durationMs);
            }
            return new WebhookSender.Outcome(
                    status == 0 || status == 200 ? null : status,
                    status == 200 ? "ok:false" : null,
                    retryAfter,
                    "slack: " + error,
                    durationMs);
        }
    }

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;

    public SlackApi(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Result postMessage(String token, String channel, String text, JsonNode blocks) {
        ObjectNode body = Json.object().put("channel", channel).put("text", text);
        if (blocks != null) {
            body.set("blocks", blocks);
        }
        body.put("unfurl_links", false).put("unfurl_media", false);
        return json(token, "chat.postMessage", body);
    }

    public Result update(String token, String channel, String ts, String text, JsonNode blocks) {
        ObjectNode body = Json.object().put("channel", channel).put("ts", ts).put("text", text);
        body.set("blocks", blocks);
        return json(token, "chat.update", body);
    }

    public Result postEphemeral(String token, String channel, String user, String text) {
        return json(
                token,
                "chat.postEphemeral",
                Json.object().put("channel", channel).put("user", user).put("text", text));
    }

    public Result openView(String token, String triggerId, JsonNode view) {
        ObjectNode body = Json.object().put("trigger_id", triggerId);
        body.set("view", view);
        return json(token, "views.open", body);
    }

    /** The Slack user id of {@code email}'s account ({@code user.id}); {@code users_not_found} when none. */
    public Result lookupByEmail(String token, String email) {
        return form(token, "users.lookupByEmail", Map.of("email", email));
    }

    /** A user's profile; {@code user.profile.email} needs the {@code users:read.email} scope. */
    public Result userInfo(String token, String user) {
        return form(token, "users.info", Map.of("user", user));
    }

    private Result json(String token, String method, ObjectNode body) {
        return call(
                token,
                method,
                "application/json; charset=utf-8",
                HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
    }

    private Result form(String token, String method, Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call(
                token,
                method,
                "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(encoded, StandardCharsets.UTF_8));
    }

    private Result call(String token, String method, String contentType, HttpRequest.BodyPublisher body) {
        long started = System.nanoTime();
        if (token == null || token.isBlank()) {
            return new Result(0, Json.object(), Optional.empty(), "no bot token is configured", 0);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + method))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("User-Agent", "Reviewgate-Slack/0.1")
                .POST(body)
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Result(0, Json.object(), Optional.empty(), describe(e), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, Json.object(), Optional.empty(), "interrupted (shutting down)", elapsed(started));
        }
        int status = response.statusCode();
        if (status == 429) {
            return new Result(
                    status,
                    Json.object(),
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)),
                    "ratelimited",
                    elapsed(started));
        }
        JsonNode answer = parse(response.body());
        if (status != 200) {
            return new Result(status, answer, Optional.empty(), "HTTP " + status, elapsed(started));
        }
        if (!answer.path("ok").asBoolean(false)) {
            String error = answer.path("error").asText("");
            return new Result(
                    status,
                    answer,
                    Optional.empty(),
                    error.isEmpty() ? "unexpected answer" : shorten(error),
                    elapsed(started));
        }
        return new Result(status, answer, Optional.empty(), null, elapsed(started));
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_ANSWER) {
            return Json.object();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            return node != null && node.isObject() ? node : Json.object();
        } catch (IOException e) {
            return Json.object();
        }
    }

    /** Slack sends whole seconds. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage()));
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
