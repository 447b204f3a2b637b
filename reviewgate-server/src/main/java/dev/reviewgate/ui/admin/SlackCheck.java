package dev.reviewgate.ui.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * "Send a test" for Slack: {@code auth.test} with the bot token against the instance's Slack Web
 * API base ({@code REVIEWGATE_SLACK_API_URL}); only the operator sets where it goes, the account
 * sets only the token. The answer says which workspace and bot the token is for.
 */
final class SlackCheck {

    record Result(boolean ok, String message) {}

    private final Notifications.Slack instance;
    private final Duration timeout;
    private final HttpClient http;

    SlackCheck(Notifications.Slack instance, Duration timeout) {
        this.instance = instance;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    boolean instanceConfigured() {
        return instance.configured();
    }

    Optional<String> instanceToken() {
        return instance.configured() ? Optional.of(instance.botToken()) : Optional.empty();
    }

    Result authTest(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.apiUrl() + "/auth.test"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Result(false, "Slack answered HTTP " + response.statusCode() + ".");
            }
            JsonNode body = Json.parse(response.body());
            if (!body.path("ok").asBoolean(false)) {
                return new Result(
                        false, "Slack refused the token: " + body.path("error").asText("unknown error") + ".");
            }
            return new Result(
                    true,
                    "Slack accepted the token: workspace " + body.path("team").asText("?") + ", bot user "
                            + body.path("user").asText("?") + ".");
        } catch (IOException | RuntimeException e) {
            return new Result(
                    false, "Slack could not be reached: " + e.getClass().getSimpleName() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "Interrupted.");
        }
    }
}
