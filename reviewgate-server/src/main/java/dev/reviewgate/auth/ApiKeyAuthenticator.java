package dev.reviewgate.auth;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.support.BoundedCache;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer <key>} or {@code x-api-key: <key>} to a {@link Principal}.
 * Only the SHA-256 of a key is stored; the stored hash is compared with the presented one in
 * constant time after the indexed lookup.
 *
 * <p>A valid key is remembered (by its hash) for {@link #REMEMBERED}, so an agent's requests do not
 * each pay a database round trip for it. Revoking a key forgets it at once on this instance; other
 * instances stop accepting it within {@link #REMEMBERED}. Unknown keys are never remembered.
 */
public final class ApiKeyAuthenticator {

    private static final String ATTRIBUTE = "reviewgate.principal";

    /** How long a valid key is accepted without asking the database again. */
    public static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final Database database;
    private final AccountRepository accounts;
    private final BoundedCache<String, AccountRepository.StoredKey> valid;
    private final Object revocationLock = new Object();
    /**
     * Moves on with every revocation (guarded by {@link #revocationLock}), so that a lookup which
     * read a key as active just before its revocation committed does not remember it afterwards.
     */
    private long revocations;

    public ApiKeyAuthenticator(Database database, AccountRepository accounts, InstantSource clock) {
        this.database = database;
        this.accounts = accounts;
        this.valid = BoundedCache.expiring(10_000, REMEMBERED, clock);
    }

    /** A before-handler for {@code /v1/*}: 401 unless a valid, unrevoked key is presented. */
    public void authenticate(Context ctx) {
        ctx.attribute(ATTRIBUTE, authenticate(ctx.header("Authorization"), ctx.header("x-api-key")));
    }

    /**
     * The caller of a request outside Javalin's routes (the MCP servlet), from its
     * {@code Authorization} and {@code x-api-key} headers (either may be null).
     *
     * @throws Problem 401 unless a valid, unrevoked key is presented
     */
    public Principal authenticate(String authorization, String xApiKey) {
        String key = presentedKey(authorization, xApiKey)
                .orElseThrow(() -> Problem.unauthorized(
                        "Send an API key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'."));
        String hash = Secrets.hash(key);
        AccountRepository.StoredKey stored = valid.get(hash)
                .or(() -> lookUp(hash))
                .orElseThrow(() -> Problem.unauthorized("The API key is not valid or has been revoked."));
        return new Principal(
                stored.accountId(), stored.id(), new Actor(Actor.AGENT, stored.id(), stored.name()), Via.API);
    }

    /** Revokes a key of {@code accountId}; false when it has no such active key. */
    public boolean revoke(String accountId, String keyId, long now) {
        boolean revoked = database.write(h -> {
            boolean done = accounts.revokeApiKey(h, accountId, keyId, now);
            if (done) {
                Audit.record(
                        h,
                        now,
                        AuditEvent.of(accountId, AuditActions.API_KEY_REVOKED).with("apiKeyId", keyId));
            }
            return done;
        });
        synchronized (revocationLock) {
            revocations++;
            valid.removeIf(k -> k.id().equals(keyId));
        }
        return revoked;
    }

    private Optional<AccountRepository.StoredKey> lookUp(String hash) {
        long before;
        synchronized (revocationLock) {
            before = revocations;
        }
        // Remembered keys were compared once, here, when they were read.
        Optional<AccountRepository.StoredKey> stored = database.read(h -> accounts.activeKeyByHash(h, hash))
                .filter(k -> Secrets.constantTimeEquals(k.keyHash(), hash));
        synchronized (revocationLock) {
            // Any revocation since the read may have been of this key: then it is not remembered.
            if (stored.isPresent() && revocations == before) {
                valid.put(hash, stored.get());
            }
        }
        return stored;
    }

    /** The caller of a {@code /v1} request once its key was accepted; empty before that or elsewhere. */
    public static Optional<Principal> authenticated(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("route is not behind authentication");
        }
        return principal;
    }

    private static Optional<String> presentedKey(String authorization, String xApiKey) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim()).filter(s -> !s.isEmpty());
        }
        return Optional.ofNullable(xApiKey).map(String::trim).filter(s -> !s.isEmpty());
    }
}
