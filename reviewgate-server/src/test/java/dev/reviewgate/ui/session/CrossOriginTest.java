package dev.reviewgate.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Another site can neither sign a browser in (login CSRF) nor post with a session, even holding
 * its CSRF token; and a sign-in link cannot send the browser to another host.
 */
class CrossOriginTest extends ApiTest {

    private static final String EVIL = "https://evil.example";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCrossSiteSignInIsRefusedAndOpensNoSession() throws Exception {
        assertSignInRefused(Map.of("Sec-Fetch-Site", "cross-site"));
        assertSignInRefused(Map.of("Sec-Fetch-Site", "same-site"));
    }

    @Test
    void aSignInFromAForeignOriginOrRefererIsRefused() throws Exception {
        assertSignInRefused(Map.of("Origin", EVIL));
        assertSignInRefused(Map.of("Origin", "null", "Referer", EVIL + "/page"));
        assertSignInRefused(Map.of("Referer", EVIL + "/page"));
    }

    @Test
    void aSignInFromOurOwnPagesWorks() throws Exception {
        HttpResponse<String> response =
                signIn(Map.of("Origin", server.baseUrl(), "Sec-Fetch-Site", "same-origin"), "/inbox");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("rg_session="));
        // Our pages send Referrer-Policy: no-referrer, so the browser's own posts carry Origin: null.
        assertThat(signIn(Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"), "/inbox")
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void aPostWithTheTokenFromAForeignOriginOrRefererIsRefused() throws Exception {
        String cookie = sessionCookie();
        String csrf = csrfToken(cookie);

        assertThat(logout(cookie, csrf, Map.of("Origin", EVIL)).statusCode()).isEqualTo(403);
        assertThat(logout(cookie, csrf, Map.of("Referer", EVIL + "/x")).statusCode())
                .isEqualTo(403);
        assertThat(get("/inbox", cookie).statusCode())
                .as("the session survived")
                .isEqualTo(200);
        assertThat(logout(cookie, csrf, Map.of("Origin", server.baseUrl())).statusCode())
                .isEqualTo(302);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/\t/evil.example/",
                "/\r\n/evil.example/",
                "/ /evil.example/",
                "//evil.example/",
                "/\\evil.example/",
                "\t//evil.example/",
                "https://evil.example/",
                "/\u001f/evil.example/",
                "/\u00a0/evil"
            })
    void aNextThatCouldLeaveTheSiteBecomesTheInbox(String next) throws Exception {
        HttpResponse<String> form = get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), null);
        assertThat(form.body()).contains("name=\"next\" value=\"/inbox\"");

        HttpResponse<String> response = signIn(Map.of(), next);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/inbox");
    }

    @Test
    void aLocalNextIsKept() throws Exception {
        assertThat(signIn(Map.of(), "/reviews/rev_1?tab=history").headers().firstValue("Location"))
                .hasValue("/reviews/rev_1?tab=history");
    }

    private void assertSignInRefused(Map<String, String> headers) throws Exception {
        long before = sessions();
        HttpResponse<String> response = signIn(headers, "/inbox");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(sessions()).isEqualTo(before);
    }

    private HttpResponse<String> signIn(Map<String, String> headers, String next)
            throws IOException, InterruptedException {
        String form = "email=" + enc("admin@example.com") + "&password=" + enc(TestServer.ADMIN_PASSWORD) + "&next="
                + enc(next);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sessionCookie() throws IOException, InterruptedException {
        String setCookie =
                signIn(Map.of(), "/inbox").headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String csrfToken(String cookie) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(get("/inbox", cookie).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> logout(String cookie, String csrf, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/logout"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long sessions() {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM web_sessions")
                        .mapTo(Long.class)
                        .one());
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
