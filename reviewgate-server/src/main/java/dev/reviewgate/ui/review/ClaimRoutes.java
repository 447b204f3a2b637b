package dev.reviewgate.ui.review;

import dev.reviewgate.error.Problem;
import dev.reviewgate.review.Claim;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.WorkCommands;
import dev.reviewgate.review.WorkRequests;
import dev.reviewgate.ui.session.WebSessions;
import dev.reviewgate.ui.session.WebUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The review page's claim buttons: claim (or renew) for 15 minutes as the signed-in reviewer,
 * release one's own claim, and, for admins, break another's. A refusal (409 naming the holder,
 * 403 from the form's routing) is shown on the page.
 */
public final class ClaimRoutes {

    private final WorkCommands work;
    private final ReviewPageRoutes pages;

    public ClaimRoutes(WorkCommands work, ReviewPageRoutes pages) {
        this.work = work;
        this.pages = pages;
    }

    public void routes(RoutesConfig r) {
        r.post("/reviews/{reviewId}/claim", ctx -> act(ctx, true));
        r.post("/reviews/{reviewId}/release", ctx -> act(ctx, false));
    }

    /** Release and "break claim" are one command: the domain lets the holder and admins release. */
    private void act(Context ctx, boolean claim) {
        WebUser user = WebSessions.user(ctx);
        ReviewAddress address = ReviewAddress.byId(ctx.pathParam("reviewId"));
        WorkRequests.ClaimRequest request =
                new WorkRequests.ClaimRequest(user.principal().actor(), Claim.DEFAULT_TTL_SECONDS);
        try {
            if (claim) {
                work.claim(user.principal(), address, request);
            } else {
                work.release(user.principal(), address, request);
            }
            ctx.redirect("/reviews/" + address.reviewId(), HttpStatus.SEE_OTHER);
        } catch (Problem p) {
            if (p.status() == 404) {
                throw p;
            }
            String verb = claim ? "Not claimed: " : "Not released: ";
            pages.showWithBanner(ctx, p.status(), user, verb + p.detail());
        }
    }
}
