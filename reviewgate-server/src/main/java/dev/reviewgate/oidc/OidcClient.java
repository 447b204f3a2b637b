package dev.reviewgate.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.reviewgate.config.Settings;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relying party, with Nimbus: discovery, the authorization request (code, PKCE S256, state,
 * nonce), the code exchange and the ID token's verification against the provider's JWKS ({@code iss},
 * {@code aud}, {@code exp}, {@code nonce}, signature). A provider that cannot be reached at start
 * leaves single sign-on off with a logged reason; each later sign-in tries the discovery again.
 */
public final class OidcClient {

    /** Where the provider sends the browser back, under the public URL. */
    public static final String CALLBACK = "/login/oidc/callback";

    private static final Logger LOG = LoggerFactory.getLogger(OidcClient.class);
    private static final int TIMEOUT_MILLIS = 5_000;

    /** What discovery found: the endpoints and a validator bound to this provider's keys. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    private final Settings.Oidc config;
    private final URI redirectUri;
    private final AtomicReference<Provider> provider = new AtomicReference<>();

    public OidcClient(Settings.Oidc config, String publicUrl) {
        this.config = config;
        this.redirectUri = URI.create(publicUrl + CALLBACK);
    }

    public Settings.Oidc config() {
        return config;
    }

    /**
     * Reads the provider's discovery document. False, with the reason logged, when the issuer
     * cannot be reached or answers with something else: password sign-in keeps working.
     */
    public boolean discover() {
        try {
            provider();
            return true;
        } catch (OidcRefusal e) {
            LOG.error("{}. Single sign-on stays off until it answers; password sign-in still works.", e.getMessage());
            return false;
        }
    }

    /** The provider's authorization endpoint with this sign-in's state, nonce and PKCE challenge. */
    public URI authorizationUri(State state, Nonce nonce, CodeVerifier verifier) {
        Provider p = provider();
        return new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse(config.scopes()), new ClientID(config.clientId()), redirectUri)
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Exchanges the code and returns the verified ID token's claims; an {@link OidcRefusal} otherwise. */
    public IDTokenClaimsSet exchange(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) {
        Provider p = provider();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirectUri, verifier);
        ClientID client = new ClientID(config.clientId());
        TokenRequest request = config.clientSecret() == null
                ? new TokenRequest(p.metadata().getTokenEndpointURI(), client, grant)
                : new TokenRequest(
                        p.metadata().getTokenEndpointURI(),
                        new ClientSecretBasic(client, new Secret(config.clientSecret())),
                        grant);
        JWT idToken = idToken(request);
        try {
            return p.validator().validate(idToken, nonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcRefusal(
                    rejection(e.getMessage()), "The identity provider's ID token was refused: " + e.getMessage(), e);
        }
    }

    /**
     * The ID token of the token endpoint's answer. Only the ID token is used: the answer is read as
     * JSON rather than as a full token response, so an access token's fields (an odd
     * {@code expires_in}) cannot stop a sign-in whose ID token verifies, nor let one through.
     */
    private JWT idToken(TokenRequest request) {
        HTTPResponse http;
        try {
            HTTPRequest sent = request.toHTTPRequest();
            sent.setConnectTimeout(TIMEOUT_MILLIS);
            sent.setReadTimeout(TIMEOUT_MILLIS);
            http = sent.send();
        } catch (IOException e) {
            throw new OidcRefusal(
                    "token_endpoint_failed", "The identity provider's token endpoint failed: " + e.getMessage(), e);
        }
        try {
            if (!http.indicatesSuccess()) {
                ErrorObject error = TokenErrorResponse.parse(http).getErrorObject();
                throw new OidcRefusal(
                        "token_refused",
                        "The identity provider refused the sign-in code: " + error.getCode()
                                + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
            }
            String idToken = JSONObjectUtils.getString(http.getContentAsJSONObject(), "id_token", null);
            if (idToken == null) {
                throw new OidcRefusal("no_id_token", "The identity provider sent no ID token.");
            }
            return JWTParser.parse(idToken);
        } catch (ParseException | java.text.ParseException e) {
            throw new OidcRefusal(
                    "token_endpoint_failed",
                    "The identity provider's token answer is unreadable: " + e.getMessage(),
                    e);
        }
    }

    /** The audit reason for a failed verification, from Nimbus's message. */
    static String rejection(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("expired")) {
            return "expired_token";
        }
        if (m.contains("audience")) {
            return "wrong_audience";
        }
        if (m.contains("nonce")) {
            return "nonce_mismatch";
        }
        if (m.contains("issuer")) {
            return "wrong_issuer";
        }
        return "invalid_token";
    }

    private Provider provider() {
        Provider known = provider.get();
        if (known != null) {
            return known;
        }
        Provider found = resolve();
        provider.compareAndSet(null, found);
        return provider.get();
    }

    private Provider resolve() {
        Issuer issuer = new Issuer(config.issuer());
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        } catch (IOException | GeneralException | RuntimeException e) {
            throw new OidcRefusal(
                    "provider_unavailable",
                    "The OIDC issuer " + config.issuer() + " (REVIEWGATE_OIDC_ISSUER) cannot be reached: "
                            + e.getMessage(),
                    e);
        }
        List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
        JWSAlgorithm algorithm = algorithms == null || algorithms.isEmpty() || algorithms.contains(JWSAlgorithm.RS256)
                ? JWSAlgorithm.RS256
                : algorithms.get(0);
        try {
            IDTokenValidator validator = new IDTokenValidator(
                    metadata.getIssuer(),
                    new ClientID(config.clientId()),
                    algorithm,
                    metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS));
            return new Provider(metadata, validator);
        } catch (MalformedURLException | RuntimeException e) {
            throw new OidcRefusal(
                    "provider_unavailable", "The OIDC issuer " + config.issuer() + " names no usable JWKS: " + e, e);
        }
    }
}
