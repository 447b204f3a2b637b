package dev.reviewgate.testing;

import dev.reviewgate.config.Settings;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider in the test's JVM (mock-oauth2-server): discovery, JWKS, the
 * authorization endpoint (with a login page asking for a user name and claims when interactive),
 * PKCE and the token endpoint.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "reviewgate";
    public static final String CLIENT_SECRET = "reviewgate-client-secret";
    public static final String ISSUER_ID = "default";

    private final MockOAuth2Server server;

    private OidcProvider(MockOAuth2Server server) {
        this.server = server;
    }

    /** A provider that signs in at once as the next queued identity (no page), or as a random subject. */
    public static OidcProvider automatic() {
        return started(new MockOAuth2Server(new OAuth2Config()));
    }

    /** A provider that shows its login page, where a person types a user name and the claims. */
    public static OidcProvider interactive() {
        return started(new MockOAuth2Server(new OAuth2Config(true)));
    }

    private static OidcProvider started(MockOAuth2Server server) {
        server.start();
        return new OidcProvider(server);
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** {@code base} signing in with this provider as well as with passwords. */
    public Settings settings(Settings base, List<String> adminGroups) {
        return base.withIdentity(new Settings.Identity(
                true,
                new Settings.Oidc(
                        issuer(),
                        CLIENT_ID,
                        CLIENT_SECRET,
                        Settings.Oidc.DEFAULT_SCOPES,
                        Settings.Oidc.DEFAULT_GROUPS_CLAIM,
                        adminGroups)));
    }

    /** The ID token of the next sign-in: this subject with these claims (claims may override {@code aud} or {@code nonce}). */
    public void nextSignIn(String subject, Map<String, Object> claims) {
        nextSignIn(subject, claims, 3600);
    }

    /** The same with a lifetime; a negative one issues a token that expired that many seconds ago. */
    public void nextSignIn(String subject, Map<String, Object> claims, long expirySeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, expirySeconds));
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
