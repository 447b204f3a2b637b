package dev.reviewgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The benchmark's client of the API: JSON over real HTTP with the bootstrap key. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;
    private final String key;

    Http(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    JsonNode post(String path, Object body) throws Exception {
        return send(request(path)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build());
    }

    JsonNode get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(
                request(path).timeout(Duration.ofSeconds(90)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json");
    }

    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body());
    }
}
