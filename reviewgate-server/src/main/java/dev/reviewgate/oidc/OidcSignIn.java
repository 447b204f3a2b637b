package dev.reviewgate.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Secrets;
import dev.reviewgate.db.Database;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Ids;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;

/**
 * One single sign-on from start to finish. {@link #start} keeps the state's hash, the nonce and the
 * PKCE verifier server-side, bound to a random token the browser holds in a cookie; {@link #finish}
 * takes them out again (once), exchanges the code, verifies the ID token and provisions the user.
 * Every refusal is put on the audit log before it is thrown.
 */
public final class OidcSignIn {

    /** How long a started sign-in waits for the provider to send the browser back. */
    public static final Duration PENDING = Duration.ofMinutes(10);

    /** What the browser is sent away with: the provider's URL, and the token for the cookie. */
    public record Started(URI redirect, String browserToken) {}

    /** A signed-in user and the local path they were going to. */
    public record Finished(AccountRepository.User user, String next) {}

    /** What the provider sent back to the callback; {@code error} when the provider refused. */
    public record Callback(String state, String code, String error, String browserToken) {}

    private static final Actor ANONYMOUS = new Actor(Actor.HUMAN, "anonymous", null);

    private final OidcClient client;
    private final Database database;
    private final AccountRepository accounts;
    private final IdentityRepository identities = new IdentityRepository();
    private final Provisioning provisioning;
    private final InstantSource clock;

    public OidcSignIn(OidcClient client, Database database, AccountRepository accounts, Ids ids, InstantSource clock) {
        this.client = client;
        this.database = database;
        this.accounts = accounts;
        this.provisioning = new Provisioning(
                database, accounts, identities, ids, client.config().adminGroups());
        this.clock = clock;
    }

    /**
     * Starts a sign-in that returns to {@code next}.
     *
     * @throws OidcRefusal when the provider cannot be reached
     */
    public Started start(String next) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = client.authorizationUri(state, nonce, verifier);
        String browser = Base64.getUrlEncoder().withoutPadding().encodeToString(Ids.randomBytes(32));
        long now = clock.millis();
        database.write(h -> {
            identities.insertLogin(
                    h,
                    Secrets.hash(state.getValue()),
                    new IdentityRepository.PendingLogin(
                            Secrets.hash(browser),
                            nonce.getValue(),
                            verifier.getValue(),
                            next,
                            now + PENDING.toMillis()),
                    now);
            return null;
        });
        return new Started(redirect, browser);
    }

    /**
     * Finishes the sign-in the provider sent back.
     *
     * @throws OidcRefusal for anything that must not sign in, after recording it
     */
    public Finished finish(Callback callback) {
        try {
            IdentityRepository.PendingLogin login = pending(callback);
            if (callback.error() != null) {
                throw new OidcRefusal("provider_refused", "The identity provider refused: " + cut(callback.error()));
            }
            if (callback.code() == null || callback.code().isBlank()) {
                throw new OidcRefusal("no_code", "The identity provider sent no code.");
            }
            var claims = client.exchange(
                    new AuthorizationCode(callback.code()),
                    new CodeVerifier(login.codeVerifier()),
                    new Nonce(login.nonce()));
            ClaimedIdentity who = ClaimedIdentity.of(claims, client.config().groupsClaim());
            AccountRepository.User user = database.write(h -> provisioning.signIn(h, who, clock.millis()));
            return new Finished(user, login.next());
        } catch (OidcRefusal refusal) {
            recordRefusal(refusal);
            throw refusal;
        }
    }

    /** The sign-in this callback belongs to, taken out of storage: a state works once, in time, in its own browser. */
    private IdentityRepository.PendingLogin pending(Callback callback) {
        if (callback.state() == null
                || callback.state().isBlank()
                || callback.state().length() > 512) {
            throw new OidcRefusal("no_state", "The sign-in came back without its state.");
        }
        IdentityRepository.PendingLogin login = database.write(
                        h -> identities.consumeLogin(h, Secrets.hash(callback.state())))
                .orElseThrow(() -> new OidcRefusal(
                        "unknown_state",
                        "This sign-in link is not one this server started, or it was used already. Start again."));
        if (login.expiresAt() < clock.millis()) {
            throw new OidcRefusal("expired_state", "This sign-in took longer than 10 minutes. Start again.");
        }
        if (callback.browserToken() == null
                || !Secrets.constantTimeEquals(Secrets.hash(callback.browserToken()), login.browserHash())) {
            throw new OidcRefusal(
                    "other_browser", "This sign-in was started in another browser. Start again in this one.");
        }
        return login;
    }

    private void recordRefusal(OidcRefusal refusal) {
        database.write(h -> {
            accounts.firstAccountId(h)
                    .ifPresent(account -> Audit.record(
                            h,
                            clock.millis(),
                            AuditEvent.of(account, AuditActions.SIGN_IN_FAILED)
                                    .by(ANONYMOUS)
                                    .with("method", "oidc")
                                    .with("reason", refusal.reason())
                                    .with("message", refusal.getMessage())));
            return null;
        });
    }

    private static String cut(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
