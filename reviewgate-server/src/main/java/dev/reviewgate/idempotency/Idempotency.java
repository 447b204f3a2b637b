package dev.reviewgate.idempotency;

import dev.reviewgate.auth.ApiKeyAuthenticator;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.http.ErrorHandling;
import dev.reviewgate.http.Responses;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.kernel.Ids;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.HandlerWrapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code Idempotency-Key} for every API POST: the first request with a key runs and its response
 * (anything but a 5xx or 429) is stored; the same key with the same body within 24 h gets that
 * response again, with another body a 422.
 *
 * <p>The key is reserved by an insert whose conflict is the answer, so of any number of concurrent
 * requests with one key exactly one runs its handler. The others wait up to {@link #WAIT} for its
 * stored response and replay it, or get a 409 "in progress" with {@code Retry-After}; they never
 * run the handler. A reservation abandoned by a crash is taken over after {@link #ABANDONED}.
 */
public final class Idempotency implements HandlerWrapper {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration ABANDONED = Duration.ofMinutes(1);
    static final Duration WAIT = Duration.ofSeconds(3);
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
        if (!HandlerType.POST.equals(endpoint.method) || !endpoint.path.startsWith("/v1/")) {
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
        String accountId = ApiKeyAuthenticator.principal(ctx).accountId();
        String hash = CanonicalJson.sha256Hex(
                ctx.method() + " " + ctx.path() + "\n" + new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        String holder = Base64.getUrlEncoder().withoutPadding().encodeToString(Ids.randomBytes(16));
        Optional<IdempotencyRepository.Entry> answered = reserveOrAwait(ctx, accountId, key, hash, holder);
        if (answered.isPresent()) {
            replay(ctx, answered.get());
            return;
        }
        try {
            handler.handle(ctx);
        } catch (Problem problem) {
            ErrorHandling.render(ctx, problem);
        } catch (Exception | Error e) {
            database.write(h -> {
                keys.release(h, accountId, key, holder);
                return null;
            });
            throw e;
        }
        int status = ctx.statusCode();
        String body = ctx.result();
        database.write(h -> {
            if (status >= 500 || status == 429) {
                keys.release(h, accountId, key, holder);
            } else {
                keys.complete(h, accountId, key, holder, status, body);
            }
            return null;
        });
    }

    /**
     * Empty once this request holds the key; otherwise the earlier request's stored answer. Waits
     * (up to {@link #WAIT}) while the earlier request is still running, then gives up with a 409.
     */
    private Optional<IdempotencyRepository.Entry> reserveOrAwait(
            Context ctx, String accountId, String key, String hash, String holder) throws InterruptedException {
        long giveUpAt = System.nanoTime() + WAIT.toNanos();
        for (long pause = 5; ; pause = Math.min(pause * 2, 100)) {
            long now = clock.millis();
            if (database.write(h -> keys.reserve(h, accountId, key, hash, holder, now))) {
                return Optional.empty();
            }
            Optional<IdempotencyRepository.Entry> earlier = database.read(h -> keys.find(h, accountId, key));
            if (earlier.isPresent() && stale(earlier.get(), now)) {
                long seen = earlier.get().createdAt();
                boolean expired = now - seen > RETENTION.toMillis();
                database.write(h -> {
                    keys.deleteSeen(h, accountId, key, seen, expired);
                    return null;
                });
                continue;
            }
            if (earlier.isPresent() && !earlier.get().requestHash().equals(hash)) {
                throw Problem.invalid(
                        "", "This " + HEADER + " was used with a different request; use a new key for a new request.");
            }
            if (earlier.isPresent() && earlier.get().answered()) {
                return earlier;
            }
            // Still running, or given up by its holder a moment ago (then the next reserve may win).
            if (System.nanoTime() > giveUpAt) {
                ctx.header("Retry-After", "1");
                throw Problem.conflict("A request with this " + HEADER + " is still being processed; retry shortly.");
            }
            Thread.sleep(pause);
        }
    }

    private boolean stale(IdempotencyRepository.Entry entry, long now) {
        long age = now - entry.createdAt();
        return age > RETENTION.toMillis() || (!entry.answered() && age > ABANDONED.toMillis());
    }

    private static void replay(Context ctx, IdempotencyRepository.Entry entry) {
        ctx.status(entry.statusCode())
                .contentType(entry.statusCode() >= 400 ? Responses.PROBLEM_JSON : Responses.JSON)
                .header("Idempotent-Replayed", "true")
                .result(entry.response() == null ? "" : entry.response());
    }
}
