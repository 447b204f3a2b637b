package dev.reviewgate.ui.session;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Passwords;
import dev.reviewgate.db.Database;
import dev.reviewgate.ui.page.Pages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** Sign in and out. */
public final class SessionRoutes {

    /** A dummy hash so an unknown e-mail costs the same time as a wrong password. */
    private static final String DUMMY_HASH = Passwords.hash("reviewgate-dummy-password");

    private final Database database;
    private final AccountRepository accounts;
    private final WebSessions sessions;
    private final LoginThrottle throttle;
    private final Pages pages;

    public SessionRoutes(
            Database database, AccountRepository accounts, WebSessions sessions, LoginThrottle throttle, Pages pages) {
        this.database = database;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.pages = pages;
    }

    public void routes(RoutesConfig r) {
        r.get("/login", this::showLoginForm);
        r.post("/login", this::processLogin);
        r.post("/logout", this::processLogout);
    }

    private void showLoginForm(Context ctx) {
        pages.render(ctx, "login.jte", Map.of("next", safeNext(ctx.queryParam("next")), "error", "", "email", ""));
    }

    private void processLogin(Context ctx) {
        // Before the password is checked: a cross-site form must not sign a browser in to an account
        // the attacker chose (login CSRF), so no session and no cookie come of it.
        sessions.refuseCrossOrigin(ctx);
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        String address = ctx.ip();
        long wait = throttle.retryAfterSeconds(email, address);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            pages.render(
                    ctx,
                    429,
                    "login.jte",
                    Map.of(
                            "next",
                            next,
                            "email",
                            email,
                            "error",
                            "Too many failed attempts. Try again in " + (wait + 59) / 60 + " minutes."));
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
            pages.render(
                    ctx,
                    401,
                    "login.jte",
                    Map.of(
                            "next",
                            next,
                            "email",
                            email,
                            "error",
                            "That e-mail and password do not match an active account."));
            return;
        }
        throttle.succeeded(email, address);
        sessions.open(ctx, login.get().user().accountId(), login.get().user().id());
        ctx.redirect(next);
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
