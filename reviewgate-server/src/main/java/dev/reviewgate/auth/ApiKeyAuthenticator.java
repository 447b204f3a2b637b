package dev.reviewgate.auth;

import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.review.Actor;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer <key>} or {@code x-api-key: <key>} to a {@link Principal}.
 * Only the SHA-256 of a key is stored; the stored hash is compared with the presented one in
 * constant time after the indexed lookup.
 */
public final class ApiKeyAuthenticator {

    private static final String ATTRIBUTE = "reviewgate.principal";

    private final Database database;
    private final AccountRepository accounts;

    public ApiKeyAuthenticator(Database database, AccountRepository accounts) {
        this.database = database;
        this.accounts = accounts;
    }

    /** A before-handler for {@code /v1/*}: 401 unless a valid, unrevoked key is presented. */
    public void authenticate(Context ctx) {
        String key = presentedKey(ctx).orElseThrow(() -> Problem.unauthorized(
                "Send an API key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'."));
        String hash = Secrets.hash(key);
        AccountRepository.StoredKey stored = database.read(h -> accounts.activeKeyByHash(h, hash))
                .filter(k -> Secrets.constantTimeEquals(k.keyHash(), hash))
                .orElseThrow(() -> Problem.unauthorized("The API key is not valid or has been revoked."));
        ctx.attribute(ATTRIBUTE, new Principal(stored.accountId(), stored.id(),
                new Actor(Actor.AGENT, stored.id(), stored.name())));
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("route is not behind authentication");
        }
        return principal;
    }

    private static Optional<String> presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim()).filter(s -> !s.isEmpty());
        }
        return Optional.ofNullable(ctx.header("x-api-key")).map(String::trim).filter(s -> !s.isEmpty());
    }
}
