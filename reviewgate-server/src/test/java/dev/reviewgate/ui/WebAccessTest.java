package dev.reviewgate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.BrowserTest;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in, roles, admin pages and security headers, as a browser sees them. */
class WebAccessTest extends BrowserTest {

    @Test
    void pagesNeedASignInAndCarryTheSecurityHeaders() {
        var response = page.navigate(url("/inbox"));
        assertThat(page.url()).contains("/login?next=%2Finbox");
        assertThat(response.headers().get("content-security-policy"))
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "object-src 'none'",
                        "base-uri 'none'",
                        "frame-ancestors 'none'");
        assertThat(response.headers().get("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        signIn();
        var cookie = context.cookies().stream()
                .filter(c -> c.name.equals("rg_session"))
                .findFirst()
                .orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite.name()).isEqualTo("LAX");
    }

    @Test
    void repeatedWrongPasswordsAreThrottled() {
        int last = 0;
        for (int i = 0; i < 6; i++) {
            page.navigate(url("/login"));
            page.getByLabel("E-mail").fill("nobody@example.com");
            page.getByLabel("Password").fill("wrong-" + i);
            last = page.waitForResponse(
                            r -> r.url().endsWith("/login")
                                    && r.request().method().equals("POST"),
                            () -> page.locator("button.primary").click())
                    .status();
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void anAdminCreatesAFormFromJsonSeeingErrorsThenAKeyShownOnceThenRevokesIt() {
        signIn();
        page.navigate(url("/admin/forms"));
        page.locator("#definition")
                .fill("{\"id\":\"bad form\",\"name\":\"\",\"fields\":[{\"id\":\"a\",\"type\":\"nope\"}]}");
        page.locator("button.primary").click();
        assertThat(page.locator(".banner.error").innerText())
                .contains("/fields/0/type")
                .contains("/id");
        page.locator("#definition")
                .fill("{\"id\":\"ok-form\",\"name\":\"OK\",\"fields\":[{\"id\":\"a\",\"type\":\"text\"}]}");
        page.locator("button.primary").click();
        page.waitForURL("**/admin/forms/ok-form");

        page.navigate(url("/admin/api-keys"));
        page.getByLabel("What is it for?").fill("ui agent");
        page.locator("button.primary").click();
        String key = page.locator("code.secret").innerText();
        assertThat(api.withKey(key).get("/v1/forms").status()).isEqualTo(200);
        page.navigate(url("/admin/api-keys"));
        assertThat(page.content()).doesNotContain(key);
        page.locator("form[action$='/revoke'] button").last().click();
        page.waitForURL("**/admin/api-keys");
        assertThat(api.withKey(key).get("/v1/forms").status()).isEqualTo(401);
    }

    @Test
    void anAdminSeesTheDeliveryLogAndRedelivers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        api.put("/v1/forms/hooked", Map.of("name", "Hooked", "fields", List.of(Map.of("id", "t", "type", "text"))));
        String endpointId = api.post(
                        "/v1/webhooks", Map.of("url", "http://127.0.0.1:" + closedPort + "/hook", "formId", "hooked"))
                .body()
                .get("id")
                .asText();
        api.post("/v1/reviews", Map.of("formId", "hooked", "fields", Map.of("t", "x")));
        signIn();
        page.navigate(url("/admin/webhooks"));
        page.locator("a[href='/admin/webhooks/" + endpointId + "']").click();
        page.waitForSelector("article.delivery td.mono");
        assertThat(page.locator("article.delivery").first().innerText()).contains("1 attempt");
        page.locator("article.delivery button").first().click();
        page.waitForURL("**/admin/webhooks/" + endpointId);
        page.waitForTimeout(1_000);
        page.reload();
        assertThat(page.locator("article.delivery tbody tr").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theReviewPageWorksAtPhoneWidth() {
        api.put(
                "/v1/forms/phone",
                Map.of(
                        "name",
                        "Phone check",
                        "fields",
                        List.of(
                                Map.of("id", "summary", "type", "markdown", "retry", Map.of("instructions", true)),
                                Map.of("id", "total", "type", "number"))));
        String reviewId = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                "phone",
                                "title",
                                "Quarterly summary",
                                "fields",
                                Map.of("summary", "Revenue grew **12%** this quarter.", "total", 1200)))
                .body()
                .get("reviewId")
                .asText();
        signIn();
        page.setViewportSize(390, 844);
        page.navigate(url("/reviews/" + reviewId));
        double overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
                .doubleValue();
        assertThat(overflow).isLessThanOrEqualTo(0);
        assertThat(page.locator("[data-action=approve]").isVisible()).isTrue();
        screenshot("review-phone.png");
    }

    @Test
    void aReviewerCannotOpenAdminPages() {
        signIn();
        page.navigate(url("/admin/users"));
        page.getByLabel("E-mail").fill("rita@example.com");
        page.getByLabel("Name").fill("Rita Reviewer");
        page.locator("input[name=password]").fill("rita-password-123");
        page.locator("button.primary").click();
        assertThat(page.content()).contains("Created reviewer rita@example.com");
        context.clearCookies();
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill("rita@example.com");
        page.getByLabel("Password").fill("rita-password-123");
        page.locator("button.primary").click();
        page.waitForURL("**/inbox");
        assertThat(page.navigate(url("/admin/users")).status()).isEqualTo(403);
        assertThat(page.locator("nav").innerText()).doesNotContain("Users");
    }
}
