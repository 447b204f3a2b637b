package dev.reviewgate.ui.session;

import dev.reviewgate.audit.Audit;
import dev.reviewgate.audit.AuditActions;
import dev.reviewgate.audit.AuditEvent;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Passwords;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.ui.page.Pages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/** Sign in and out. */
public final class SessionRoutes {

    /** A dummy hash so an unknown e-mail costs the same time as a wrong password. */
    private static final String DUMMY_HASH = Passwords.hash("reviewgate-dummy-password");

    private static final Actor ANONYMOUS = new Actor(Actor.HUMAN, "anonymous", null);

    private final Database database;
    private final AccountRepository accounts;
    private final WebSessions sessions;
    private final LoginThrottle throttle;
    private final Pages pages;
    private final InstantSource clock;
    private final SignInOptions options;

    /** Which ways to sign in the login page offers. */
    public record SignInOptions(boolean password, boolean singleSignOn) {}

    public SessionRoutes(
            Database database,
            AccountRepository accounts,
            WebSessions sessions,
            LoginThrottle throttle,
            Pages pages,
            InstantSource clock,
            SignInOptions options) {
        this.database = database;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.pages = pages;
        this.clock = clock;
        this.options = options;
    }

    public void routes(RoutesConfig r) {
        r.get("/login", this::showLoginForm);
        r.post("/login", this::processLogin);
        r.post("/logout", this::processLogout);
    }

    private void showLoginForm(Context ctx) {
        renderLogin(ctx, 200, safeNext(ctx.queryParam("next")), "", "");
    }

    private void renderLogin(Context ctx, int status, String next, String email, String error) {
        pages.render(
                ctx,
                status,
                "login.jte",
                Map.of(
                        "next",
                        next,
                        "email",
                        email,
                        "error",
                        error,
                        "passwordLogin",
                        options.password(),
                        "singleSignOn",
                        options.singleSignOn()
                                ? "/login/oidc?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
                                : ""));
    }

    private void processLogin(Context ctx) {
        // Before the password is checked: a cross-site form must not sign a browser in to an account
        // the attacker chose (login CSRF), so no session and no cookie come of it.
        sessions.refuseCrossOrigin(ctx);
        if (!options.password()) {
            throw Problem.forbidden("Password sign-in is turned off here; sign in with single sign-on.");
        }
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        String address = ctx.ip();
        long wait = throttle.retryAfterSeconds(email, address);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            renderLogin(
                    ctx, 429, next, email, "Too many failed attempts. Try again in " + (wait + 59) / 60 + " minutes.");
            return;
        }
        Optional<AccountRepository.Login> login = database.read(h -> accounts.loginByEmail(h, email));
        boolean valid = Passwords.verify(
                        password,
                        login.map(AccountRepository.Login::passwordHash).orElse(DUMMY_HASH))
                && login.isPresent()
                && !login.get().user().disabled();
        if (!valid) {
            throttle.failed(email, address);
            recordFailure(login, email, failure(login));
            renderLogin(ctx, 401, next, email, "That e-mail and password do not match an active account.");
            return;
        }
        throttle.succeeded(email, address);
        sessions.open(ctx, login.get().user(), "password");
        ctx.redirect(next);
    }

    /**
     * A refused sign-in, on the log of the user's account; an e-mail that names nobody goes to the
     * installation's first account (the one single sign-on and the operator use).
     */
    private void recordFailure(Optional<AccountRepository.Login> login, String email, String reason) {
        database.write(h -> {
            Optional<String> account = login.map(l -> l.user().accountId()).or(() -> accounts.firstAccountId(h));
            account.ifPresent(a -> Audit.record(
                    h,
                    clock.millis(),
                    AuditEvent.of(a, AuditActions.SIGN_IN_FAILED)
                            .by(login.map(l -> new Actor(
                                            Actor.HUMAN, l.user().id(), l.user().displayName()))
                                    .orElse(ANONYMOUS))
                            .with("method", "password")
                            .with("email", email)
                            .with("reason", reason)));
            return null;
        });
    }

    private static String failure(Optional<AccountRepository.Login> login) {
        if (login.isEmpty()) {
            return "unknown_user";
        }
        return login.get().user().disabled() ? "disabled" : "wrong_password";
    }

    private void processLogout(Context ctx) {
        sessions.requireUser(ctx);
        sessions.close(ctx);
        ctx.redirect("/login");
    }

    /**
     * Only local paths: a login link must not send people elsewhere. A URL parser strips tab, CR
     * and LF and reads a backslash as a slash, so {@code /\t/evil.example/} would leave the site;
     * anything but printable ASCII (a header value must be ASCII anyway) falls back to the inbox.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//")) {
            return "/inbox";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '\\') {
                return "/inbox";
            }
        }
        return next;
    }
}
