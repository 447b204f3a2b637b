package dev.reviewgate.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.config.Settings;
import dev.reviewgate.net.NetworkPolicy;
import dev.reviewgate.testing.TestDatabase;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An identity provider that cannot be reached at start-up: the service starts, says why, and passwords still work. */
class OidcStartUpTest {

    /** Nothing listens on the discard port of this machine. */
    private static final String UNREACHABLE = "http://127.0.0.1:9/realms/reviewgate";

    @Test
    void passwordSignInWorksAndSingleSignOnSaysWhyItIsUnavailable() throws Exception {
        try (TestServer server = TestServer.start(settings(true), InstantSource.system())) {
            WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);

            HttpResponse<String> sso = get(server.baseUrl() + "/login/oidc");

            assertThat(sso.statusCode()).isEqualTo(503);
            assertThat(sso.body()).contains("Single sign-on is unavailable").contains(UNREACHABLE);
            assertThat(get(server.baseUrl() + "/login").body())
                    .contains("Sign in with single sign-on")
                    .contains("type=\"password\"");
        }
    }

    @Test
    void withPasswordSignInOffTheFormIsGoneAndAPasswordPostIsRefused() throws Exception {
        try (TestServer server = TestServer.start(settings(false), InstantSource.system())) {
            assertThat(get(server.baseUrl() + "/login").body()).doesNotContain("type=\"password\"");

            HttpResponse<String> post = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Origin", server.baseUrl())
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "email=admin%40example.com&password=correct+horse+battery+staple"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(post.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("rg_session="));
        }
    }

    private static Settings settings(boolean passwordLogin) {
        Settings base = TestServer.settings(
                TestDatabase.SQLITE.newDatabaseUrl(),
                Settings.DEFAULT_MAX_BODY_BYTES,
                NetworkPolicy.strict(),
                Settings.DEFAULT_WEBHOOK_TIMEOUT);
        return base.withIdentity(new Settings.Identity(
                passwordLogin,
                new Settings.Oidc(UNREACHABLE, "reviewgate", null, Settings.Oidc.DEFAULT_SCOPES, "groups", List.of())));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
