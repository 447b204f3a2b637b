package dev.reviewgate.ui.session;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Secrets;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Ids;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;

/**
 * Cookie sessions for the web app: an opaque random token in an {@code HttpOnly}, {@code SameSite=Lax}
 * cookie ({@code Secure} when the public URL is https), looked up by its hash. Every state-changing
 * request must carry the session's CSRF token (form field or header) and come from our own origin.
 */
public final class WebSessions {

    public static final String COOKIE = "rg_session";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration LIFETIME = Duration.ofDays(7);
    static final Duration IDLE = Duration.ofHours(12);
    private static final String ATTRIBUTE = "reviewgate.webUser";

    private final Database database;
    private final SessionRepository sessions;
    private final InstantSource clock;
    private final boolean secureCookies;
    private final SameOrigin sameOrigin;

    public WebSessions(Database database, SessionRepository sessions, InstantSource clock, String publicUrl) {
        this.database = database;
        this.sessions = sessions;
        this.clock = clock;
        this.secureCookies = publicUrl.startsWith("https://");
        this.sameOrigin = new SameOrigin(publicUrl);
    }

    /**
     * Opens a session for a user who just proved who they are ({@code method}: {@code password} or
     * {@code oidc}), puts the sign-in on the audit log, and sets the cookie.
     */
    public void open(Context ctx, AccountRepository.User user, String method) {
        String accountId = user.accountId();
        String userId = user.id();
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(Ids.randomBytes(32));
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(Ids.randomBytes(24));
        long now = clock.millis();
        database.write(h -> {
            sessions.insert(h, accountId, Secrets.hash(token), userId, csrf, now, now + LIFETIME.toMillis());
            Audit.record(
                    h,
                    now,
                    AuditEvent.of(accountId, AuditActions.SIGNED_IN)
                            .by(new Actor(Actor.HUMAN, userId, user.displayName()))
                            .with("method", method)
                            .with("email", user.email()));
            return null;
        });
        ctx.header("Set-Cookie", cookie(token, LIFETIME.toSeconds()));
    }

    public void close(Context ctx) {
        Optional<WebUser> user = signedIn(ctx);
        token(ctx)
                .ifPresent(token -> database.write(h -> {
                    sessions.delete(h, Secrets.hash(token));
                    user.ifPresent(u ->
                            Audit.record(h, clock.millis(), AuditEvent.of(u.accountId(), AuditActions.SIGNED_OUT)));
                    return null;
                }));
        ctx.header("Set-Cookie", cookie("", 0));
    }

    /** The signed-in user, if any (also remembered on the request). */
    public Optional<WebUser> current(Context ctx) {
        WebUser cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> token = token(ctx);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String id = Secrets.hash(token.get());
        long now = clock.millis();
        Optional<WebUser> user = database.read(h -> sessions.find(h, id, now, now - IDLE.toMillis()));
        user.ifPresent(u -> {
            ctx.attribute(ATTRIBUTE, u);
            database.write(h -> {
                sessions.touch(h, id, now);
                return null;
            });
        });
        return user;
    }

    /** Throws a 403 when another site started this request (see {@link SameOrigin}); sign-in checks it too. */
    public void refuseCrossOrigin(Context ctx) {
        sameOrigin.check(ctx);
    }

    /**
     * A before-handler for the web app's pages: anonymous visitors are sent to sign in, and every
     * POST is refused (403) unless it carries this session's CSRF token and comes from our own origin.
     */
    public void requireUser(Context ctx) {
        Optional<WebUser> user = current(ctx);
        if (user.isEmpty()) {
            if (HandlerType.GET.equals(ctx.method())) {
                ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw Problem.unauthorized("Sign in first.");
        }
        if (!HandlerType.GET.equals(ctx.method()) && !HandlerType.HEAD.equals(ctx.method())) {
            checkCsrf(ctx, user.get());
        }
    }

    /** The user this request was already found to be signed in as; no database lookup. */
    public static Optional<WebUser> signedIn(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The user of a page behind {@link #requireUser}. */
    public static WebUser user(Context ctx) {
        WebUser user = ctx.attribute(ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("page is not behind requireUser");
        }
        return user;
    }

    private void checkCsrf(Context ctx, WebUser user) {
        sameOrigin.check(ctx);
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        if (sent == null || !Secrets.constantTimeEquals(sent, user.csrfToken())) {
            throw Problem.forbidden("The form is missing its CSRF token or it has expired; reload the page.");
        }
    }

    private Optional<String> token(Context ctx) {
        return Optional.ofNullable(ctx.cookie(COOKIE)).filter(t -> !t.isBlank() && t.length() < 200);
    }

    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secureCookies ? "; Secure" : "");
    }
}
