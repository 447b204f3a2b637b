package dev.reviewgate.email;

import dev.reviewgate.actionlink.ActionLink;
import dev.reviewgate.actionlink.ActionLinks;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.db.Database;
import dev.reviewgate.event.EventType;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.notification.Excerpt;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.review.ReviewStatus;
import dev.reviewgate.ui.page.Pages;
import dev.reviewgate.webhook.Channel;
import dev.reviewgate.webhook.Delivery;
import dev.reviewgate.webhook.DeliveryRepository;
import dev.reviewgate.webhook.WebhookSender;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sends a planned e-mail: the review as it is now, with fresh action links for its head version
 * bound to the recipient. A review decided before the message went out is not mailed; an SMTP
 * failure is retried on the webhook schedule.
 */
public final class EmailChannel implements Channel {

    private final Database database;
    private final ReviewRepository reviews;
    private final AccountRepository accounts;
    private final SmtpServers servers;
    private final ActionLinks links;
    private final Mailer mailer;
    private final Pages pages;
    private final String publicUrl;
    private final Duration linkTtl;
    private final InstantSource clock;

    public EmailChannel(
            Database database,
            ReviewRepository reviews,
            AccountRepository accounts,
            SmtpServers servers,
            ActionLinks links,
            Mailer mailer,
            Pages pages,
            String publicUrl,
            Duration linkTtl,
            InstantSource clock) {
        this.database = database;
        this.reviews = reviews;
        this.accounts = accounts;
        this.servers = servers;
        this.links = links;
        this.mailer = mailer;
        this.pages = pages;
        this.publicUrl = publicUrl;
        this.linkTtl = linkTtl;
        this.clock = clock;
    }

    private record Context(Review review, AccountRepository.User user, Optional<Notifications.Smtp> server) {}

    @Override
    public WebhookSender.Outcome send(DeliveryRepository.Claimed claimed) {
        Delivery d = claimed.delivery();
        long started = System.nanoTime();
        Context c = database.read(h -> new Context(
                reviews.load(h, d.accountId(), d.reviewId()).orElse(null),
                accounts.userById(h, d.accountId(), d.userId()).orElse(null),
                servers.of(h, d.accountId())));
        if (c.review() == null || c.review().status() != ReviewStatus.PENDING) {
            return WebhookSender.Outcome.skipped("the review no longer waits for a decision");
        }
        if (c.user() == null || c.user().disabled()) {
            return WebhookSender.Outcome.skipped("the user is disabled");
        }
        if (c.server().isEmpty()) {
            return failure("no SMTP server is configured", started);
        }
        Review review = c.review();
        long now = clock.millis();
        String[] actions = database.write(h -> new String[] {
            links.issue(
                    h,
                    d.accountId(),
                    d.userId(),
                    Via.EMAIL,
                    review.id(),
                    review.headVersionId(),
                    ActionLink.Action.APPROVE,
                    now),
            links.issue(
                    h,
                    d.accountId(),
                    d.userId(),
                    Via.EMAIL,
                    review.id(),
                    review.headVersionId(),
                    ActionLink.Action.REJECT,
                    now)
        });
        EmailMessage message = new EmailMessage(
                trigger(claimed.payload()),
                // Agent text: one line each, so a title cannot add lines (or links) to the text part.
                Excerpt.oneLine(review.title() != null ? review.title() : review.formName(), 200),
                Excerpt.oneLine(review.formName(), 200),
                Excerpt.of(review.head().snapshot()),
                publicUrl + "/reviews/" + review.id(),
                actions[0],
                actions[1],
                linkTtl.toHours());
        try {
            mailer.send(
                    c.server().get(),
                    new Mailer.Mail(c.user().email(), message.subject(), message.text(), message.html(pages), d.id()));
        } catch (MessagingException | RuntimeException e) {
            return failure("SMTP: " + e.getMessage(), started);
        }
        return new WebhookSender.Outcome(250, "sent to " + c.user().email(), Optional.empty(), null, elapsed(started));
    }

    private static EventType trigger(String payload) {
        String event = Json.parse(payload).path("event").asText("");
        return Arrays.stream(EventType.values())
                .filter(t -> t.event().equals(event))
                .findFirst()
                .orElse(EventType.CREATED);
    }

    private static WebhookSender.Outcome failure(String error, long started) {
        return new WebhookSender.Outcome(null, null, Optional.empty(), error, elapsed(started));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
