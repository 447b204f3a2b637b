package dev.reviewgate.actionlink;

import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.notification.Excerpt;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewReader;
import dev.reviewgate.review.ReviewRequests;
import dev.reviewgate.review.ReviewStatus;
import dev.reviewgate.review.Verdict;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /a/<token>}: {@code GET} shows a confirm page and changes nothing (mail scanners fetch
 * links); {@code POST}, from that page, uses the link and decides in one transaction through the
 * same exactly-once path as the API, as the link's person and channel. A used, expired or void
 * link shows the review's current state and an Open link instead.
 *
 * <p>A link bound to no one (on a shared Teams card) decides as whoever opens it: it asks them to
 * sign in first (and brings them back), shows the confirm page only to a user of the link's
 * account, and its {@code POST} needs that web session with its CSRF token, like any other form.
 */
public final class ActionLinkRoutes {

    static final int MAX_REASON = 2000;

    private final ActionLinks links;
    private final Database database;
    private final AccountRepository accounts;
    private final ReviewReader reader;
    private final ReviewCommands commands;
    private final Pages pages;
    private final String publicUrl;
    private final InstantSource clock;
    private final WebSessions sessions;

    public ActionLinkRoutes(
            ActionLinks links,
            Database database,
            AccountRepository accounts,
            ReviewReader reader,
            ReviewCommands commands,
            Pages pages,
            String publicUrl,
            InstantSource clock,
            WebSessions sessions) {
        this.sessions = sessions;
        this.links = links;
        this.database = database;
        this.accounts = accounts;
        this.reader = reader;
        this.commands = commands;
        this.pages = pages;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get("/a/{token}", this::show);
        r.post("/a/{token}", this::confirm);
    }

    /** The link and who opens it (null for an e-mail link, which is bound to its user). */
    private record Opened(ActionLink link, WebUser opener) {}

    /**
     * The link behind the request's token, and for a shared link the signed-in person of its
     * account (a POST also passes the session's origin and CSRF checks). Empty when this has
     * already answered: an unknown link, or a shared one that needs a sign-in first.
     */
    private Optional<Opened> open(Context ctx, boolean post) {
        guardHeaders(ctx);
        Optional<ActionLink> found = database.read(h -> links.find(h, ctx.pathParam("token")));
        if (found.isEmpty()) {
            unknown(ctx);
            return Optional.empty();
        }
        ActionLink link = found.get();
        if (link.userId() != null) {
            return Optional.of(new Opened(link, null));
        }
        Optional<WebUser> signedIn = sessions.current(ctx);
        if (signedIn.isEmpty()) {
            askToSignIn(ctx, post ? 401 : 200, link);
            return Optional.empty();
        }
        if (!signedIn.get().accountId().equals(link.accountId())) {
            unknown(ctx);
            return Optional.empty();
        }
        if (post) {
            sessions.requireUser(ctx); // same origin and the session's CSRF token, or a 403
        }
        return Optional.of(new Opened(link, signedIn.get()));
    }

    private void show(Context ctx) {
        Optional<Opened> opened = open(ctx, false);
        if (opened.isEmpty()) {
            return;
        }
        ActionLink link = opened.get().link();
        WebUser opener = opened.get().opener();
        Review review = reader.get(link.accountId(), ReviewAddress.byId(link.reviewId()));
        LinkState state = state(link, review);
        render(ctx, 200, link, review, state, state.explanation(), "", opener);
    }

    private void confirm(Context ctx) {
        Optional<Opened> opened = open(ctx, true);
        if (opened.isEmpty()) {
            return;
        }
        ActionLink link = opened.get().link();
        WebUser opener = opened.get().opener();
        String deciderId = opener == null ? link.userId() : opener.userId();
        Review before = reader.get(link.accountId(), ReviewAddress.byId(link.reviewId()));
        String reason =
                Optional.ofNullable(ctx.formParam("reason")).map(String::strip).orElse("");
        if (link.action() == ActionLink.Action.REJECT && (reason.isEmpty() || reason.length() > MAX_REASON)) {
            String error = reason.isEmpty()
                    ? "Say why you reject it: the agent reads the reason."
                    : "The reason can be at most " + MAX_REASON + " characters.";
            render(ctx, 422, link, before, state(link, before), "", error, opener);
            return;
        }
        Optional<AccountRepository.User> user = deciderId == null
                ? Optional.empty()
                : database.read(h -> accounts.userById(h, link.accountId(), deciderId))
                        .filter(u -> !u.disabled());
        if (user.isEmpty()) {
            render(ctx, 403, link, before, LinkState.CLOSED, "This link's user can no longer decide.", "", opener);
            return;
        }
        Actor actor = new Actor(Actor.HUMAN, user.get().id(), user.get().displayName());
        Principal person = new Principal(link.accountId(), user.get().id(), actor, link.via());
        Verdict verdict = link.action() == ActionLink.Action.APPROVE ? Verdict.APPROVED : Verdict.REJECTED;
        try {
            ReviewCommands.Decided decided = commands.decide(
                    person,
                    ReviewAddress.byId(link.reviewId()),
                    verdict,
                    new ReviewRequests.Decide(link.versionId(), reason.isEmpty() ? null : reason, actor),
                    (h, review) -> use(h, link, review));
            String done = switch (decided.submission()) {
                case APPLIED -> verdict == Verdict.APPROVED ? "Approved. Thank you." : "Rejected. Thank you.";
                case RECORDED -> "Your approval was recorded; the review needs more approvals to be decided.";
                case ALREADY_APPLIED -> "This decision was already recorded.";
            };
            render(ctx, 200, link, decided.review(), LinkState.USED, done, "", opener);
        } catch (Unusable e) {
            Review now = reader.get(link.accountId(), ReviewAddress.byId(link.reviewId()));
            render(ctx, 409, link, now, e.state, e.state.explanation(), "", opener);
        } catch (Problem e) {
            Review now = reader.get(link.accountId(), ReviewAddress.byId(link.reviewId()));
            render(ctx, e.status(), link, now, state(link, now), e.detail(), "", opener);
        }
    }

    /** Inside the decision's transaction, on the locked review: the link must still apply, and is used. */
    private void use(org.jdbi.v3.core.Handle h, ActionLink link, Review review) {
        long now = clock.millis();
        LinkState state = LinkState.of(link, review.headVersionId(), review.status() == ReviewStatus.PENDING, now);
        if (state != LinkState.USABLE) {
            throw new Unusable(state);
        }
        if (!links.use(h, link, now)) {
            throw new Unusable(LinkState.USED);
        }
    }

    private LinkState state(ActionLink link, Review review) {
        return LinkState.of(link, review.headVersionId(), review.status() == ReviewStatus.PENDING, clock.millis());
    }

    /**
     * @param opener the signed-in user a shared link decides as (the page's form then carries their
     *               CSRF token), or null for a link bound to its user
     */
    private void render(
            Context ctx,
            int status,
            ActionLink link,
            Review review,
            LinkState state,
            String notice,
            String error,
            WebUser opener) {
        ActionPage page = new ActionPage(
                review,
                link.action(),
                Excerpt.of(review.head().snapshot()),
                state == LinkState.USABLE,
                notice,
                error,
                publicUrl + "/reviews/" + review.id());
        pages.render(
                ctx,
                status,
                "actionLink.jte",
                opener == null ? Map.of("page", page) : Map.of("page", page, "user", opener));
    }

    /** A shared link opened by nobody signed in: sign in, then come back to this link. */
    private void askToSignIn(Context ctx, int status, ActionLink link) {
        String back = "/a/" + ctx.pathParam("token");
        pages.render(
                ctx,
                status,
                "actionLinkSignIn.jte",
                Map.of(
                        "action",
                        link.action().wire(),
                        "login",
                        publicUrl + "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
    }

    private void unknown(Context ctx) {
        pages.render(
                ctx,
                404,
                "signInRefused.jte",
                Map.of(
                        "status",
                        404,
                        "title",
                        "Link not found",
                        "detail",
                        "This link is not valid. Open Reviewgate to see your reviews.",
                        "retry",
                        publicUrl + "/inbox"));
    }

    /** The token is in the URL: never cache the page, never leak it in a Referer, never index it. */
    private static void guardHeaders(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
    }

    /** The link no longer applies; the decision's transaction rolls back. */
    private static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient LinkState state;

        Unusable(LinkState state) {
            super(state.name(), null, false, false);
            this.state = state;
        }
    }
}
