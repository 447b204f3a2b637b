package dev.reviewgate.idempotency;

import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.auth.Principal;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.ErrorHandling;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.CanonicalJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.HandlerWrapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * {@code Idempotency-Key} for every API POST: the first request with a key runs and its response
 * (anything but a 5xx or 429) is stored; the same key with the same body within 24 h gets that
 * response again, with another body a 422. A key whose first request is still running is a 409;
 * one abandoned by a crash is taken over after a minute.
 */
public final class Idempotency implements HandlerWrapper {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final int MAX_KEY_LENGTH = 255;

    private final Database database;
    private final IdempotencyRepository keys;
    private final InstantSource clock;

    public Idempotency(Database database, IdempotencyRepository keys, InstantSource clock) {
        this.database = database;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Handler wrap(Endpoint endpoint) {
        if (endpoint.method != HandlerType.POST || !endpoint.path.startsWith("/v1/")) {
            return endpoint.handler;
        }
        return ctx -> handle(ctx, endpoint.handler);
    }

    private void handle(Context ctx, Handler handler) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            handler.handle(ctx);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw Problem.badRequest(HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        Principal principal = ApiKeyAuthenticator.principal(ctx);
        String hash = CanonicalJson.sha256Hex(ctx.method() + " " + ctx.path() + "\n"
                + new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        Optional<IdempotencyRepository.Entry> previous = claim(principal.accountId(), key, hash);
        if (previous.isPresent()) {
            replay(ctx, previous.get(), hash);
            return;
        }
        try {
            handler.handle(ctx);
        } catch (Problem problem) {
            ErrorHandling.render(ctx, problem);
        } catch (Exception | Error e) {
            database.write(h -> { keys.delete(h, principal.accountId(), key); return null; });
            throw e;
        }
        int status = ctx.statusCode();
        String body = ctx.result();
        database.write(h -> {
            if (status >= 500 || status == 429) {
                keys.delete(h, principal.accountId(), key);
            } else {
                keys.complete(h, principal.accountId(), key, status, body);
            }
            return null;
        });
    }

    /** Empty when this request holds the key now; otherwise the entry of the earlier request. */
    private Optional<IdempotencyRepository.Entry> claim(String accountId, String key, String hash) {
        return database.write(h -> {
            long now = clock.millis();
            Optional<IdempotencyRepository.Entry> existing = keys.find(h, accountId, key);
            if (existing.isPresent() && stale(existing.get(), now)) {
                keys.delete(h, accountId, key);
                existing = Optional.empty();
            }
            if (existing.isEmpty()) {
                keys.reserve(h, accountId, key, hash, now);
            }
            return existing;
        });
    }

    private boolean stale(IdempotencyRepository.Entry entry, long now) {
        long age = now - entry.createdAt();
        return age > RETENTION.toMillis() || (entry.statusCode() == null && age > ABANDONED.toMillis());
    }

    private static void replay(Context ctx, IdempotencyRepository.Entry entry, String hash) {
        if (!entry.requestHash().equals(hash)) {
            throw Problem.invalid("", "This " + HEADER + " was used with a different request; use a new key for a new request.");
        }
        if (entry.statusCode() == null) {
            throw Problem.conflict("A request with this " + HEADER + " is still being processed; retry shortly.");
        }
        ctx.status(entry.statusCode())
                .contentType(entry.statusCode() >= 400 ? Responses.PROBLEM_JSON : Responses.JSON)
                .header("Idempotent-Replayed", "true")
                .result(entry.response() == null ? "" : entry.response());
    }
}
