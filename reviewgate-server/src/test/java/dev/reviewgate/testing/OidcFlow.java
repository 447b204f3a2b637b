package dev.reviewgate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Single sign-on as a browser does it, one redirect at a time: start at {@code /login/oidc} (which
 * sets the browser-binding cookie), follow to the provider, and come back to the callback.
 */
public final class OidcFlow {

    /** The callback the provider sent the browser to, and the cookie that browser holds. */
    public record Callback(URI uri, String cookie) {

        /** The same callback with another state, as an attacker might send it. */
        public Callback withState(String state) {
            String query = uri.getRawQuery().replaceAll("state=[^&]*", "state=" + state);
            return new Callback(URI.create(uri.toString().replace(uri.getRawQuery(), query)), cookie);
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUrl;

    public OidcFlow(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Starts a sign-in and lets the provider answer; returns where it sends the browser back. */
    public Callback authorize() {
        HttpResponse<String> start = get(URI.create(baseUrl + "/login/oidc"), null);
        if (start.statusCode() != 302) {
            throw new AssertionError("/login/oidc answered " + start.statusCode() + ": " + start.body());
        }
        String cookie = start.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rg_oidc="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rg_oidc cookie"));
        HttpResponse<String> provider = get(location(start), null);
        if (provider.statusCode() != 302) {
            throw new AssertionError("the provider answered " + provider.statusCode() + ": " + provider.body());
        }
        return new Callback(location(provider), cookie);
    }

    /** Sends the browser back to the callback; a session cookie on success, a page otherwise. */
    public HttpResponse<String> finish(Callback callback) {
        return get(callback.uri(), callback.cookie());
    }

    /** The session cookie a successful callback set, or null. */
    public static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rg_session=") && !c.startsWith("rg_session=;"))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    private static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static HttpResponse<String> get(URI uri, String cookie) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).header("Accept", "text/html").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
