package dev.reviewgate.actionlink;

import dev.reviewgate.notification.Excerpt;
import dev.reviewgate.review.Review;

/**
 * What an action-link page shows: the review, the action the link offers, and, when the link can
 * no longer decide, why and what became of the review.
 *
 * @param notice  a line above the review (why the link cannot decide, or what was done); may be empty
 * @param error   a problem with the submitted form (a reject without a reason); may be empty
 * @param openUrl the review in the web app
 */
public record ActionPage(
        Review review,
        ActionLink.Action action,
        Excerpt excerpt,
        boolean usable,
        String notice,
        String error,
        String openUrl) {

    public String title() {
        return review.title() != null ? review.title() : review.formName();
    }

    public String status() {
        return review.status().wire().replace('_', ' ');
    }

    public boolean reject() {
        return action == ActionLink.Action.REJECT;
    }
}
