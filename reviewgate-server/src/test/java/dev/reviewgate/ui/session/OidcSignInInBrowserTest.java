package dev.reviewgate.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.reviewgate.config.Settings;
import dev.reviewgate.testing.BrowserTest;
import dev.reviewgate.testing.OidcProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on in Chromium through a real OpenID Connect provider running in the test, with its
 * own login page: the person types a user name and the claims the provider puts in the ID token.
 */
class OidcSignInInBrowserTest extends BrowserTest {

    private OidcProvider provider;

    @Override
    protected Settings settings(Settings standard) {
        provider = OidcProvider.interactive();
        return provider.settings(standard, List.of("reviewgate-admins"));
    }

    @AfterAll
    void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aFirstSignInProvisionsTheUserWithTheGroupsFromTheClaim() {
        api.post("/v1/groups", Map.of("id", "support", "name", "Support", "members", List.of()));

        signInWithProvider("uma", "uma@example.com", List.of("support", "elsewhere"));

        page.waitForURL("**/inbox");
        assertThat(page.locator(".who").innerText()).isEqualTo("Uma");
        JsonNode user = user("uma@example.com");
        assertThat(user.get("role").asText()).isEqualTo("reviewer");
        assertThat(api.get("/v1/groups/support").body().get("members"))
                .extracting(JsonNode::asText)
                .containsExactly("uma@example.com");
        Response admin = page.navigate(url("/admin/users"));
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void aUserInTheAdminGroupsGetsTheAdminPages() {
        signInWithProvider("vic", "vic@example.com", List.of("reviewgate-admins"));
        page.waitForURL("**/inbox");

        Response users = page.navigate(url("/admin/users"));

        assertThat(users.status()).isEqualTo(200);
        assertThat(page.locator("h1").innerText()).isEqualTo("Users");
        assertThat(page.locator("nav a[href='/admin/audit']").count()).isEqualTo(1);
        assertThat(user("vic@example.com").get("role").asText()).isEqualTo("admin");
        page.navigate(url("/admin/audit?action=user.provisioned"));
        assertThat(page.locator("#audit-entries td.action").allInnerTexts()).contains("user.provisioned");
    }

    @Test
    void aTamperedStateIsRefused() {
        AtomicReference<String> callback = new AtomicReference<>();
        // The provider's answer to the login form is held here: where it sends the browser back to
        // us is kept, and a changed copy of that link is opened instead.
        page.route(provider.issuer() + "/authorize**", route -> {
            if (!"POST".equals(route.request().method())) {
                route.resume();
                return;
            }
            APIResponse answer = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
            callback.set(answer.headers().get("location"));
            route.fulfill(new Route.FulfillOptions().setStatus(200).setBody("held"));
        });
        signInWithProvider("wes", "wes@example.com", List.of());
        page.waitForCondition(() -> callback.get() != null);
        page.unrouteAll();

        page.navigate(callback.get().replaceAll("state=[^&]+", "state=tampered-by-someone"));

        assertThat(page.locator("h1").innerText()).isEqualTo("Sign-in refused");
        assertThat(page.locator("[role=alert]").innerText()).contains("not one this server started");
        assertThat(context.cookies()).noneMatch(c -> c.name.equals("rg_session"));
    }

    private void signInWithProvider(String username, String email, List<String> groups) {
        page.navigate(url("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with single sign-on"))
                .click();
        page.locator("input[name=username]").fill(username);
        String name = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        page.locator("textarea[name=claims]")
                .fill("{\"email\":\"" + email + "\",\"email_verified\":true,\"name\":\"" + name + "\",\"groups\":"
                        + groups.stream().map(g -> "\"" + g + "\"").toList() + "}");
        page.locator("input[type=submit]").click();
    }

    private JsonNode user(String email) {
        for (JsonNode u : api.get("/v1/users?limit=200").body().get("data")) {
            if (u.get("email").asText().equals(email)) {
                return u;
            }
        }
        throw new AssertionError("no user " + email);
    }
}
