package dev.reviewgate.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Settings;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.OidcFlow;
import dev.reviewgate.testing.OidcProvider;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real provider, without a browser: what signs in, and every refusal the
 * spec names (another audience, an expired token, a replayed or tampered state, a replayed nonce),
 * each answered with a page and put on the audit log.
 */
class OidcSignInApiTest extends ApiTest {

    private OidcProvider provider;

    @Override
    protected Settings settings(String databaseUrl) {
        if (provider == null) {
            provider = OidcProvider.automatic();
        }
        return provider.settings(super.settings(databaseUrl), List.of("rg-admins"));
    }

    @AfterAll
    void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aFirstSignInProvisionsTheUserWithTheGroupsOfTheClaim() {
        api.post("/v1/groups", Map.of("id", "ops", "name", "Operations", "members", List.of()));
        provider.nextSignIn("sub-olga", claims("olga@example.com", List.of("ops", "not-a-reviewgate-group")));

        HttpResponse<String> done = flow().finish(flow().authorize());

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValue("/inbox");
        assertThat(OidcFlow.sessionCookie(done)).isNotNull();
        JsonNode user = user("olga@example.com");
        assertThat(user.get("role").asText()).isEqualTo("reviewer");
        assertThat(api.get("/v1/groups/ops").body().get("members"))
                .extracting(JsonNode::asText)
                .containsExactly("olga@example.com");
        assertThat(api.get("/v1/groups/not-a-reviewgate-group").status()).isEqualTo(404);
    }

    @Test
    void theGroupsClaimSetsMembershipsAndTheAdminRoleOnEverySignIn() {
        api.post("/v1/groups", Map.of("id", "night", "name", "Night shift", "members", List.of()));
        provider.nextSignIn("sub-pia", claims("pia@example.com", List.of("night")));
        flow().finish(flow().authorize());
        provider.nextSignIn("sub-pia", claims("pia@example.com", List.of("rg-admins")));

        flow().finish(flow().authorize());

        assertThat(user("pia@example.com").get("role").asText()).isEqualTo("admin");
        assertThat(api.get("/v1/groups/night").body().get("members")).isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        Map<String, Object> claims = claims("quinn@example.com", List.of());
        claims.put("aud", List.of("some-other-app"));
        provider.nextSignIn("sub-quinn", claims);

        HttpResponse<String> refused = flow().finish(flow().authorize());

        assertRefused(refused, "wrong_audience");
        assertThat(api.get("/v1/users").text()).doesNotContain("quinn@example.com");
    }

    @Test
    void anExpiredTokenIsRefused() {
        provider.nextSignIn("sub-ruth", claims("ruth@example.com", List.of()), -3600);

        assertRefused(flow().finish(flow().authorize()), "expired_token");
    }

    @Test
    void aReplayedStateIsRefused() {
        provider.nextSignIn("sub-sam", claims("sam@example.com", List.of()));
        OidcFlow.Callback callback = flow().authorize();
        assertThat(flow().finish(callback).statusCode()).isEqualTo(302);

        assertRefused(flow().finish(callback), "unknown_state");
    }

    @Test
    void aTamperedStateIsRefused() {
        OidcFlow.Callback callback = flow().authorize();

        assertRefused(flow().finish(callback.withState("forged-state")), "unknown_state");
    }

    @Test
    void aCallbackFromAnotherBrowserIsRefused() {
        OidcFlow.Callback callback = flow().authorize();

        assertRefused(flow().finish(new OidcFlow.Callback(callback.uri(), "rg_oidc=someone-elses")), "other_browser");
    }

    @Test
    void anIdTokenCarryingAnotherSignInsNonceIsRefused() {
        Map<String, Object> claims = claims("tess@example.com", List.of());
        claims.put("nonce", "a-nonce-from-an-earlier-sign-in");
        provider.nextSignIn("sub-tess", claims);

        assertRefused(flow().finish(flow().authorize()), "nonce_mismatch");
    }

    @Test
    void anUnverifiedEmailCannotTakeOverAnExistingUser() {
        Map<String, Object> claims = claims("admin@example.com", List.of("rg-admins"));
        claims.put("email_verified", false);
        provider.nextSignIn("sub-mallory", claims);

        assertRefused(flow().finish(flow().authorize()), "email_not_verified");
    }

    private void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Sign-in refused");
        assertThat(OidcFlow.sessionCookie(response)).isNull();
        List<JsonNode> failures = Arrays.stream(api.get("/v1/audit").text().split("\n"))
                .map(Json::parse)
                .filter(e -> e.get("action").asText().equals("session.sign_in_failed"))
                .toList();
        JsonNode last = failures.get(failures.size() - 1);
        assertThat(last.get("details").get("method").asText()).isEqualTo("oidc");
        assertThat(last.get("details").get("reason").asText()).isEqualTo(reason);
        assertThat(last.get("via").asText()).isEqualTo("web");
    }

    private JsonNode user(String email) {
        for (JsonNode u : api.get("/v1/users?limit=200").body().get("data")) {
            if (u.get("email").asText().equals(email)) {
                return u;
            }
        }
        throw new AssertionError("no user " + email);
    }

    private static Map<String, Object> claims(String email, List<String> groups) {
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", true);
        claims.put("name", email.substring(0, email.indexOf('@')));
        claims.put("groups", groups);
        return claims;
    }

    private OidcFlow flow() {
        return new OidcFlow(server.baseUrl());
    }
}
