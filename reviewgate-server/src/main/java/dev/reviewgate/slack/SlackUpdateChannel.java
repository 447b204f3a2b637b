package dev.reviewgate.slack;

import dev.reviewgate.db.Database;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.webhook.Channel;
import dev.reviewgate.webhook.Delivery;
import dev.reviewgate.webhook.DeliveryRepository;
import dev.reviewgate.webhook.WebhookSender;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Updates a posted card in place ({@code chat.update}) to show the review as it is when the update
 * is sent: claimed by whom, or decided by whom and through which channel, its buttons gone once it
 * is decided. The destination is {@code slack:<channel>:<ts>}.
 */
public final class SlackUpdateChannel implements Channel {

    private final Database database;
    private final ReviewRepository reviews;
    private final SlackApps apps;
    private final SlackApi api;
    private final String publicUrl;
    private final InstantSource clock;

    public SlackUpdateChannel(
            Database database,
            ReviewRepository reviews,
            SlackApps apps,
            SlackApi api,
            String publicUrl,
            InstantSource clock) {
        this.database = database;
        this.reviews = reviews;
        this.apps = apps;
        this.api = api;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The destination of an update of {@code card}. */
    static String destination(SlackCards.Card card) {
        return SlackRoute.PREFIX + card.channel() + ":" + card.ts();
    }

    static Optional<SlackCards.Card> card(String destination) {
        if (destination == null || !destination.startsWith(SlackRoute.PREFIX)) {
            return Optional.empty();
        }
        String rest = destination.substring(SlackRoute.PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new SlackCards.Card(rest.substring(0, colon), rest.substring(colon + 1)));
    }

    private record Context(Review review, Optional<SlackApps.App> app) {}

    @Override
    public WebhookSender.Outcome send(DeliveryRepository.Claimed claimed) {
        Delivery d = claimed.delivery();
        Optional<SlackCards.Card> card = card(d.url());
        if (card.isEmpty()) {
            return WebhookSender.Outcome.skipped("not a Slack card: " + d.url());
        }
        Context c = database.read(
                h -> new Context(reviews.load(h, d.accountId(), d.reviewId()).orElse(null), apps.of(h, d.accountId())));
        if (c.review() == null) {
            return WebhookSender.Outcome.skipped("the review is gone");
        }
        if (c.app().isEmpty() || !c.app().get().canPost()) {
            return new WebhookSender.Outcome(
                    null, null, Optional.empty(), "Slack is not configured for the account", 0);
        }
        SlackApi.Result result = update(c.app().get().botToken(), card.get(), c.review());
        if ("message_not_found".equals(result.error()) || "channel_not_found".equals(result.error())) {
            return WebhookSender.Outcome.skipped("the card is gone (" + result.error() + ")");
        }
        return result.outcome(
                "updated " + card.get().channel() + " ts " + card.get().ts());
    }

    /** Renders {@code review} now and replaces the card with it. */
    SlackApi.Result update(String token, SlackCards.Card card, Review review) {
        SlackBlocks.Card rendered = SlackBlocks.card(review, publicUrl, clock.millis());
        return api.update(token, card.channel(), card.ts(), rendered.text(), rendered.blocks());
    }
}
