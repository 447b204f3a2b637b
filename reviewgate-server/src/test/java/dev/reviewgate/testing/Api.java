package dev.reviewgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the API under test: real requests to the real port. */
public final class Api {

    /** A response: status, parsed JSON body (or null), raw text and headers. */
    public record Response(int status, JsonNode body, String text, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    public Api(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** The key this client sends, or null. */
    public String key() {
        return apiKey;
    }

    /** The same client with another key (or none, when null). */
    public Api withKey(String otherKey) {
        return new Api(baseUrl, otherKey);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : Json.write(body);
        return send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(text))
                        .header("Content-Type", "application/json"),
                headers);
    }

    public Response put(String path, Object body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                        .header("Content-Type", "application/json"),
                Map.of());
    }

    public Response patch(String path, Object body) {
        String text = body instanceof String s ? s : Json.write(body);
        return send(
                HttpRequest.newBuilder(uri(path))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(text))
                        .header("Content-Type", "application/json"),
                Map.of());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), Map.of());
    }

    public Response send(HttpRequest.Builder request, Map<String, String> headers) {
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json")
                    && !type.contains("ndjson")
                    && !response.body().isEmpty()) {
                body = Json.MAPPER.readTree(response.body());
            }
            return new Response(response.statusCode(), body, response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
