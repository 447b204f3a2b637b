package dev.reviewgate.teams;

import dev.reviewgate.actionlink.ActionLink;
import dev.reviewgate.actionlink.ActionLinks;
import dev.reviewgate.db.Database;
import dev.reviewgate.event.EventType;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.FormSecrets;
import dev.reviewgate.group.GroupSecrets;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.notification.Excerpt;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewRepository;
import dev.reviewgate.review.ReviewStatus;
import dev.reviewgate.webhook.Channel;
import dev.reviewgate.webhook.Delivery;
import dev.reviewgate.webhook.DeliveryRepository;
import dev.reviewgate.webhook.WebhookSender;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Posts a planned Teams card: the review as it is now, with fresh Approve and Reject links for its
 * head version. The card goes to a shared channel, so its links are bound to no one: whoever opens
 * one signs in and decides as themselves, {@code via: "teams"}. The workflow URL is read and opened
 * here, at send time, and posted to through the SSRF-guarded webhook sender; a 2xx delivers, any
 * other answer is retried on the webhook schedule.
 */
public final class TeamsChannel implements Channel {

    private final Database database;
    private final ReviewRepository reviews;
    private final FormRepository forms;
    private final FormSecrets formSecrets;
    private final GroupSecrets groupSecrets;
    private final ActionLinks links;
    private final WebhookSender sender;
    private final String publicUrl;
    private final InstantSource clock;

    public TeamsChannel(
            Database database,
            ReviewRepository reviews,
            FormRepository forms,
            FormSecrets formSecrets,
            GroupSecrets groupSecrets,
            ActionLinks links,
            WebhookSender sender,
            String publicUrl,
            InstantSource clock) {
        this.database = database;
        this.reviews = reviews;
        this.forms = forms;
        this.formSecrets = formSecrets;
        this.groupSecrets = groupSecrets;
        this.links = links;
        this.sender = sender;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    private record Target(Review review, Optional<String> url) {}

    @Override
    public WebhookSender.Outcome send(DeliveryRepository.Claimed claimed) {
        Delivery d = claimed.delivery();
        Target target;
        try {
            target = database.read(h -> {
                Review review = reviews.load(h, d.accountId(), d.reviewId()).orElse(null);
                if (review == null || review.status() != ReviewStatus.PENDING) {
                    return new Target(review, Optional.empty());
                }
                return new Target(review, url(h, d.accountId(), d.url(), review));
            });
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The saved URL does not open: the secret key changed. Logged and retried, never sent in clear.
            return failure("the Teams webhook URL cannot be read: " + e.getMessage());
        }
        if (target.review() == null || target.review().status() != ReviewStatus.PENDING) {
            return WebhookSender.Outcome.skipped("the review no longer waits for a decision");
        }
        if (target.url().isEmpty()) {
            return WebhookSender.Outcome.skipped("no Teams webhook URL is saved for " + d.url());
        }
        Review review = target.review();
        long now = clock.millis();
        String[] actions = database.write(h -> new String[] {
            links.issue(
                    h,
                    d.accountId(),
                    null,
                    Via.TEAMS,
                    review.id(),
                    review.headVersionId(),
                    ActionLink.Action.APPROVE,
                    now),
            links.issue(
                    h,
                    d.accountId(),
                    null,
                    Via.TEAMS,
                    review.id(),
                    review.headVersionId(),
                    ActionLink.Action.REJECT,
                    now)
        });
        TeamsCard card = new TeamsCard(
                trigger(claimed.payload()),
                review.title() != null ? review.title() : review.formName(),
                review.formName(),
                Excerpt.of(review.head().snapshot()),
                publicUrl + "/reviews/" + review.id(),
                actions[0],
                actions[1]);
        String url = target.url().get();
        WebhookSender.Outcome outcome = sender.send(url, Map.of(), card.json());
        return scrubbed(outcome, url);
    }

    /** The workflow URL a destination names, opened; empty when it is no longer saved. */
    private Optional<String> url(org.jdbi.v3.core.Handle h, String accountId, String destination, Review review) {
        if (TeamsRoute.FORM.equals(destination)) {
            // The current revision: a URL an admin replaced (say, after it leaked) is not posted to again.
            return forms.current(h, accountId, review.formId())
                    .flatMap(f -> formSecrets.teamsUrl(accountId, f.definition()));
        }
        if (destination.startsWith(TeamsRoute.GROUP)) {
            return groupSecrets.teamsUrl(h, accountId, destination.substring(TeamsRoute.GROUP.length()));
        }
        return Optional.empty();
    }

    /** The URL is a credential: it never goes into the delivery log, even inside an error message. */
    private static WebhookSender.Outcome scrubbed(WebhookSender.Outcome o, String url) {
        if (o.error() == null || !o.error().contains(url)) {
            return o;
        }
        return new WebhookSender.Outcome(
                o.statusCode(),
                o.excerpt(),
                o.retryAfter(),
                o.error().replace(url, "(the Teams webhook URL)"),
                o.durationMs());
    }

    private static EventType trigger(String payload) {
        String event = Json.parse(payload).path("event").asText("");
        return Arrays.stream(EventType.values())
                .filter(t -> t.event().equals(event))
                .findFirst()
                .orElse(EventType.CREATED);
    }

    private static WebhookSender.Outcome failure(String error) {
        return new WebhookSender.Outcome(null, null, Optional.empty(), error, 0);
    }
}
