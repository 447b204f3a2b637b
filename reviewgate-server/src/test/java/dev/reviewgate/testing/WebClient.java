package dev.reviewgate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser over plain HTTP, for tests that fire many web requests at once: it signs in
 * with the login form, keeps the session cookie, and sends each POST with the session's CSRF token
 * from a same-origin page, as the web app's own forms do.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUrl;
    private final String cookie;
    private final String csrf;

    private WebClient(String baseUrl, String cookie, String csrf) {
        this.baseUrl = baseUrl;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    public static WebClient signIn(String baseUrl, String email, String password) {
        HttpResponse<String> login = send(
                baseUrl,
                HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", baseUrl)
                        .header("Sec-Fetch-Site", "same-origin")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", email, "password", password)))));
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rg_session="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("sign-in failed: " + login.statusCode()));
        HttpResponse<String> inbox = send(
                baseUrl,
                HttpRequest.newBuilder(URI.create(baseUrl + "/inbox"))
                        .header("Cookie", cookie)
                        .GET());
        Matcher token = CSRF.matcher(inbox.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the inbox page");
        }
        return new WebClient(baseUrl, cookie, token.group(1));
    }

    public HttpResponse<String> get(String path) {
        return send(
                baseUrl,
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Cookie", cookie)
                        .GET());
    }

    /** A same-origin form post with this session's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return postForm(path, all);
    }

    /** A same-origin form post whose fields may repeat (checkbox lists), with this session's CSRF token. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        return postFrom(baseUrl, "same-origin", path, fields);
    }

    /** The same post, CSRF token included, as a page on {@code origin} would send it. */
    public HttpResponse<String> postFrom(
            String origin, String fetchSite, String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf));
        return send(
                baseUrl,
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .header("Origin", origin)
                        .header("Sec-Fetch-Site", fetchSite)
                        .POST(HttpRequest.BodyPublishers.ofString(form(all))));
    }

    /** The same post without the CSRF token, as a forged form would send it. */
    public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
        return postForm(path, fields);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> all) {
        return send(
                baseUrl,
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .header("Origin", baseUrl)
                        .header("Sec-Fetch-Site", "same-origin")
                        .POST(HttpRequest.BodyPublishers.ofString(form(all))));
    }

    private static String form(Map<String, String> fields) {
        return form(List.copyOf(fields.entrySet()));
    }

    private static String form(List<Map.Entry<String, String>> fields) {
        return fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(String baseUrl, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
