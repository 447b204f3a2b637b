package dev.reviewgate.slack;

import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.review.Claim;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewRequests;
import dev.reviewgate.review.Verdict;
import dev.reviewgate.review.WorkCommands;
import dev.reviewgate.review.WorkRequests;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a click in Slack does, as the Reviewgate user the Slack user is: claim, approve or reject
 * through the same paths as the web app, with {@code via: "slack"}, so routing, claims and the
 * exactly-once decision apply. Anything refused is explained to that user alone (an ephemeral
 * message) and changes nothing; the cards themselves are updated by the events a change emits.
 */
public final class SlackActions {

    private static final Logger LOG = LoggerFactory.getLogger(SlackActions.class);

    private final SlackPeople people;
    private final SlackApi api;
    private final ReviewCommands commands;
    private final WorkCommands work;
    private final String publicUrl;

    public SlackActions(Database database, SlackApi api, ReviewCommands commands, WorkCommands work, String publicUrl) {
        this.people = new SlackPeople(database, api);
        this.api = api;
        this.commands = commands;
        this.work = work;
        this.publicUrl = publicUrl;
    }

    void claim(SlackApps.App app, CardRef ref, String slackUser) {
        as(app, ref, slackUser, p -> {
            work.claim(
                    p,
                    ReviewAddress.byId(ref.reviewId()),
                    new WorkRequests.ClaimRequest(p.actor(), Claim.DEFAULT_TTL_SECONDS));
            return null;
        });
    }

    void approve(SlackApps.App app, CardRef ref, String slackUser) {
        as(app, ref, slackUser, p -> said(decide(p, ref, Verdict.APPROVED, null)));
    }

    void reject(SlackApps.App app, CardRef ref, String slackUser, String reason) {
        as(app, ref, slackUser, p -> said(decide(p, ref, Verdict.REJECTED, reason)));
    }

    private ReviewCommands.Decided decide(Principal p, CardRef ref, Verdict verdict, String reason) {
        return commands.decide(
                p,
                ReviewAddress.byId(ref.reviewId()),
                verdict,
                new ReviewRequests.Decide(ref.versionId(), reason, p.actor()));
    }

    private static String said(ReviewCommands.Decided decided) {
        return switch (decided.submission()) {
            case APPLIED -> null;
            case RECORDED -> "Your approval was recorded; the review needs more approvals to be decided.";
            case ALREADY_APPLIED -> "This decision was already recorded.";
        };
    }

    @FunctionalInterface
    private interface Act {
        /** Does it; what to tell the person, or null when the card says it all. */
        String run(Principal person);
    }

    private void as(SlackApps.App app, CardRef ref, String slackUser, Act act) {
        Optional<Principal> person = people.of(app.botToken(), ref.accountId(), slackUser);
        if (person.isEmpty()) {
            explain(
                    app,
                    ref,
                    slackUser,
                    "Reviewgate has no active user with your Slack e-mail address, so nothing was done. "
                            + "Ask an admin to add you, or open the review: " + link(ref));
            return;
        }
        String message;
        try {
            message = act.run(person.get());
        } catch (Problem e) {
            message = "Nothing was done: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("A Slack action on review {} failed", ref.reviewId(), e);
            message = "Something went wrong, and nothing was done. Open the review: " + link(ref);
        }
        if (message != null) {
            explain(app, ref, slackUser, message);
        }
    }

    /** Tells {@code slackUser} alone, in the card's channel (or their DM when the channel is unknown). */
    void explain(SlackApps.App app, CardRef ref, String slackUser, String text) {
        String safe = SlackBlocks.escape(text);
        SlackApi.Result sent = ref.channel() != null
                ? api.postEphemeral(app.botToken(), ref.channel(), slackUser, safe)
                : api.postMessage(app.botToken(), slackUser, safe, null);
        if (!sent.ok()) {
            LOG.warn("Could not tell a Slack user why nothing was done: {}", sent.error());
        }
    }

    private String link(CardRef ref) {
        return publicUrl + "/reviews/" + ref.reviewId();
    }
}
