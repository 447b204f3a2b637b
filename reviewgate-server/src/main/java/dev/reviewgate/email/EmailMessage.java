package dev.reviewgate.email;

import dev.reviewgate.event.EventType;
import dev.reviewgate.notification.Excerpt;
import dev.reviewgate.ui.page.Pages;
import java.util.Map;

/**
 * The e-mail about one review for one person: subject and intro by trigger, the excerpt, and the
 * links Open, Approve and Reject. The HTML part comes from a template (agent text escaped); the
 * text part is built here.
 */
public record EmailMessage(
        EventType trigger,
        String title,
        String formName,
        Excerpt excerpt,
        String openUrl,
        String approveUrl,
        String rejectUrl,
        long ttlHours) {

    public String subject() {
        return switch (trigger) {
            case ASSIGNED -> "Assigned to you: " + title;
            case REMINDER -> "Reminder: " + title + " waits for your review";
            case ESCALATED -> "Escalated to you: " + title;
            default -> "Review requested: " + title;
        };
    }

    public String intro() {
        return switch (trigger) {
            case ASSIGNED -> "A review was assigned to you.";
            case REMINDER -> "A review still waits for your decision.";
            case ESCALATED -> "A review was escalated to you: its deadline is near or has passed.";
            case UPDATED -> "A review is back and waits for your decision.";
            default -> "A review waits for your decision.";
        };
    }

    public String text() {
        return intro() + "\n\n" + title + "\n" + formName + "\n\n" + excerpt.plain() + "\nOpen:    " + openUrl
                + "\nApprove: " + approveUrl + "\nReject:  " + rejectUrl
                + "\n\nApprove and Reject ask you to confirm first. Each link works once, for " + ttlHours
                + " hours, and only while this version waits for a decision.\n";
    }

    public String html(Pages pages) {
        return pages.html("email/review.jte", Map.of("m", this));
    }
}
