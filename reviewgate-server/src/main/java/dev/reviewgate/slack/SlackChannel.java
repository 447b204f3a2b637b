package dev.reviewgate.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.db.Database;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.review.ReviewStatus;
import dev.reviewgate.webhook.Channel;
import dev.reviewgate.webhook.Delivery;
import dev.reviewgate.webhook.DeliveryRepository;
import dev.reviewgate.webhook.WebhookSender;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Posts a planned card ({@code chat.postMessage}) to a channel, or to a person's DM (their Slack
 * account found by e-mail, {@code users.lookupByEmail}), and records where it went so later claims
 * and decisions update it. A review decided before the card went out is not posted.
 */
public final class SlackChannel implements Channel {

    private final Database database;
    private final ReviewRepository reviews;
    private final AccountRepository accounts;
    private final SlackApps apps;
    private final SlackApi api;
    private final SlackCards cards;
    private final SlackUpdateChannel updates;
    private final String publicUrl;
    private final InstantSource clock;

    public SlackChannel(
            Database database,
            ReviewRepository reviews,
            AccountRepository accounts,
            SlackApps apps,
            SlackApi api,
            SlackCards cards,
            SlackUpdateChannel updates,
            String publicUrl,
            InstantSource clock) {
        this.database = database;
        this.reviews = reviews;
        this.accounts = accounts;
        this.apps = apps;
        this.api = api;
        this.cards = cards;
        this.updates = updates;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    private record Context(Review review, Optional<SlackApps.App> app, AccountRepository.User user) {}

    @Override
    public WebhookSender.Outcome send(DeliveryRepository.Claimed claimed) {
        Delivery d = claimed.delivery();
        Context c = database.read(h -> new Context(
                reviews.load(h, d.accountId(), d.reviewId()).orElse(null),
                apps.of(h, d.accountId()),
                d.userId() == null
                        ? null
                        : accounts.userById(h, d.accountId(), d.userId()).orElse(null)));
        if (c.review() == null || c.review().status() != ReviewStatus.PENDING) {
            return WebhookSender.Outcome.skipped("the review no longer waits for a decision");
        }
        if (c.app().isEmpty() || !c.app().get().canPost()) {
            return failure("Slack is not configured for the account");
        }
        String token = c.app().get().botToken();
        String channel;
        if (d.url().startsWith(SlackRoute.DM)) {
            if (c.user() == null || c.user().disabled()) {
                return WebhookSender.Outcome.skipped("the user is disabled");
            }
            SlackApi.Result found = api.lookupByEmail(token, c.user().email());
            if ("users_not_found".equals(found.error())) {
                return WebhookSender.Outcome.skipped(
                        "no Slack user has the e-mail " + c.user().email());
            }
            if (!found.ok()) {
                return found.outcome(null);
            }
            channel = found.body().path("user").path("id").asText("");
            if (channel.isEmpty()) {
                return failure("users.lookupByEmail gave no user id");
            }
        } else if (d.url().startsWith(SlackRoute.PREFIX)) {
            channel = d.url().substring(SlackRoute.PREFIX.length());
        } else {
            return WebhookSender.Outcome.skipped("not a Slack destination: " + d.url());
        }
        Review review = c.review();
        SlackBlocks.Card card = SlackBlocks.card(review, publicUrl, clock.millis());
        SlackApi.Result posted = api.postMessage(token, channel, card.text(), card.blocks());
        if (!posted.ok()) {
            return posted.outcome(null);
        }
        SlackCards.Card where =
                new SlackCards.Card(text(posted.body(), "channel", channel), text(posted.body(), "ts", ""));
        if (where.ts().isEmpty()) {
            return posted.outcome("posted to " + where.channel() + " (Slack gave no ts: it cannot be updated)");
        }
        Review now;
        try {
            // Under the review's row lock: a claim or decision either committed before (and is in
            // what this reads) or comes after, sees this card and plans its update.
            now = database.write(h -> {
                Review locked =
                        reviews.lockAndLoad(h, d.accountId(), review.id()).orElse(review);
                cards.insert(h, d.accountId(), review.id(), where, clock.millis());
                return locked;
            });
        } catch (RuntimeException e) {
            // The card is out: answering with an error would post it again. It stays as posted.
            return posted.outcome("posted to " + where.channel() + " ts " + where.ts()
                    + ", but not recorded, so it will not be updated: " + e.getMessage());
        }
        // A claim or decision that committed before the card was recorded planned no update of it.
        if (now.eventSeq() != review.eventSeq()) {
            updates.update(token, where, now);
        }
        return posted.outcome("posted to " + where.channel() + " ts " + where.ts());
    }

    private static String text(JsonNode node, String member, String otherwise) {
        String v = node.path(member).asText("");
        return v.isEmpty() ? otherwise : v;
    }

    private static WebhookSender.Outcome failure(String error) {
        return new WebhookSender.Outcome(null, null, Optional.empty(), error, 0);
    }
}
