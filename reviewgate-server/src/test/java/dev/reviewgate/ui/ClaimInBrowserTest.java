package dev.reviewgate.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Response;
import dev.reviewgate.testing.BrowserTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Claims in Chromium: reviewer Ana claims from the review page; Ben then sees her claim, finds the
 * controls disabled, and a forced approve answers 409 naming her on the page; an admin breaks it.
 */
class ClaimInBrowserTest extends BrowserTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Test
    void aClaimFromTheReviewPageStopsASecondReviewerFromDeciding() {
        // Passwords are set by an admin on the users page, as people would.
        WebClient admin = WebClient.signIn(server.baseUrl(), ADMIN, TestServer.ADMIN_PASSWORD);
        for (String name : List.of("Ana", "Ben")) {
            String email = name.toLowerCase(Locale.ROOT) + "@example.com";
            String answer = admin.post("/admin/users", Map.of("email", email, "name", name, "password", PASSWORD))
                    .body();
            assertThat(answer).contains("Created reviewer " + email);
        }
        api.put(
                "/v1/forms/claimable",
                Map.of("name", "Claimable", "blockType", "classifier", "categories", List.of("a", "b")));
        String id = api.post("/v1/reviews", Map.of("formId", "claimable", "fields", Map.of("category", "a")))
                .body()
                .get("reviewId")
                .asText();

        signIn("ana@example.com", PASSWORD);
        page.navigate(url("/reviews/" + id));
        assertThat(page.locator("[data-claim]")).containsText("Nobody has claimed");
        page.locator("[data-action=claim]").click();
        assertThat(page.locator("[data-claim]")).containsText("Claimed by you until");
        assertThat(page.locator("[data-action=release]")).isVisible();
        JsonNode claim = api.get("/v1/reviews/" + id).body().get("claim");
        assertThat(claim.at("/by/displayName").asText()).isEqualTo("Ana");
        assertThat(claim.get("via").asText()).isEqualTo("web");
        signOut();

        signIn("ben@example.com", PASSWORD);
        page.navigate(url("/reviews/" + id));
        assertThat(page.locator("[data-claimed-by-other]")).containsText("Claimed by Ana until");
        assertThat(page.locator("[data-action=approve]")).isDisabled();
        assertThat(page.locator("[data-action=reject]")).isDisabled();
        assertThat(page.locator("[data-action=save-edit]")).isDisabled();
        assertThat(page.locator("[data-action=claim]")).hasCount(0);
        assertThat(page.locator("[data-action=break-claim]")).hasCount(0);

        // Forced past the disabled controls, the server still refuses, and says why on the page.
        page.evaluate("document.querySelector('fieldset.work-lock').disabled = false");
        Response forced = page.waitForResponse(
                r -> r.url().endsWith("/reviews/" + id + "/approve"),
                () -> page.locator("[data-action=approve]").click());
        assertThat(forced.status()).isEqualTo(409);
        assertThat(page.locator("p.banner").first()).containsText("claimed by Ana");
        assertThat(page.content()).doesNotContain("Exception").doesNotContain("at dev.reviewgate");
        assertThat(api.get("/v1/reviews/" + id).body().get("status").asText()).isEqualTo("pending");
        signOut();

        signIn();
        page.navigate(url("/reviews/" + id));
        List<String> asked = new CopyOnWriteArrayList<>();
        page.onceDialog(d -> {
            asked.add(d.message());
            d.accept();
        });
        page.locator("[data-action=break-claim]").click();
        assertThat(page.locator("[data-claim]")).containsText("Nobody has claimed");
        assertThat(asked).containsExactly("Break Ana's claim on this review?");
        assertThat(api.get("/v1/reviews/" + id).body().get("claim").isNull()).isTrue();
    }

    private void signOut() {
        page.getByText("Sign out").click();
        page.waitForURL("**/login**");
    }
}
