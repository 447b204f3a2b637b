package dev.reviewgate.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Users;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.TeamsTest;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Teams card's Approve link is on a shared channel, so it is bound to no one: opened signed out
 * it asks to sign in and comes back; confirmed, it decides once, as the signed-in user, via teams.
 * Its GET never decides, and its POST needs the session's CSRF token.
 */
class TeamsLinkSignInTest extends TeamsTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private String approveLink(String reviewId) {
        awaitDelivered(reviewId, 1);
        JsonNode card = card(receiver.await(r -> r.body().contains(reviewId)));
        return button(card, "Approve");
    }

    @Test
    void signedOutTheLinkAsksToSignInAndAfterSignInConfirmingDecidesOnceAsThatUserViaTeams() {
        String reviewId = review(newTeamsForm(workflowUrl("linksecret1")), Map.of());
        String link = approveLink(reviewId);
        String path = URI.create(link).getPath();

        HttpResponse<String> signedOut = send(get(link, null));
        assertThat(signedOut.statusCode()).isEqualTo(200);
        String login = "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        assertThat(signedOut.body()).contains("Sign in to approve").contains(login.replace("&", "&amp;"));
        assertThat(signedOut.body()).doesNotContain("Confirm approval", "_csrf");
        HttpResponse<String> postedSignedOut = send(post(link, null, Map.of()));
        assertThat(postedSignedOut.statusCode()).isEqualTo(401);
        assertThat(status(reviewId)).isEqualTo("pending");

        // Sign in from the page's link: the login form brings the browser back to the action link.
        HttpResponse<String> signedIn = send(post(
                server.baseUrl() + "/login",
                null,
                Map.of("email", "admin@example.com", "password", TestServer.ADMIN_PASSWORD, "next", path)));
        assertThat(signedIn.statusCode()).isIn(302, 303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue(path);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rg_session="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();

        HttpResponse<String> confirmPage = send(get(server.baseUrl() + path, cookie));
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(confirmPage.body()).contains("Confirm approval");
        assertThat(status(reviewId)).as("GET changes nothing").isEqualTo("pending");
        Matcher token = CSRF.matcher(confirmPage.body());
        assertThat(token.find()).isTrue();

        assertThat(send(post(link, cookie, Map.of())).statusCode())
                .as("without the session's CSRF token")
                .isEqualTo(403);
        assertThat(status(reviewId)).isEqualTo("pending");

        HttpResponse<String> confirmed = send(post(link, cookie, Map.of("_csrf", token.group(1))));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Approved");
        JsonNode decision = api.get("/v1/reviews/" + reviewId).body().get("decision");
        assertThat(decision.get("verdict").asText()).isEqualTo("approved");
        assertThat(decision.get("via").asText()).isEqualTo("teams");
        assertThat(decision.get("decidedBy").get("id").asText()).isEqualTo(adminUserId());

        HttpResponse<String> again = send(post(link, cookie, Map.of("_csrf", token.group(1))));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("decision")).isEqualTo(decision);
    }

    @Test
    void aUserOfAnotherAccountGetsNotFound() {
        String reviewId = review(newTeamsForm(workflowUrl("linksecret2")), Map.of());
        String link = approveLink(reviewId);
        var other = server.newAccount();
        String email = "other-" + System.nanoTime() + "@example.com";
        new Users(server.app().database(), new AccountRepository(), new Ids(clock), clock)
                .create(other.accountId(), email, "Other", "admin", "a long enough password");
        HttpResponse<String> signedIn = send(post(
                server.baseUrl() + "/login",
                null,
                Map.of("email", email, "password", "a long enough password", "next", "/inbox")));
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rg_session="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("sign-in failed: " + signedIn.statusCode()));

        HttpResponse<String> page = send(get(link, cookie));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Confirm approval");
        assertThat(status(reviewId)).isEqualTo("pending");
    }

    private String status(String reviewId) {
        return api.get("/v1/reviews/" + reviewId).body().get("status").asText();
    }

    private String adminUserId() {
        for (JsonNode u : api.get("/v1/users").body().get("data")) {
            if (u.get("email").asText().equals("admin@example.com")) {
                return u.get("id").asText();
            }
        }
        throw new AssertionError("no admin user");
    }

    private HttpRequest get(String url, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.GET().build();
    }

    private HttpRequest post(String url, String cookie, Map<String, String> fields) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", server.baseUrl())
                .header("Sec-Fetch-Site", "same-origin");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return b.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
