package dev.reviewgate.webhook;

import java.util.List;

/**
 * An account's webhook endpoint: a URL, optional event and form filters, and its signing secrets
 * (the previous one still signs for a day after a rotation).
 */
public record Endpoint(
        String accountId,
        String id,
        String url,
        List<String> events,
        String formId,
        SigningSecret secrets,
        long createdAt,
        Long disabledAt,
        String disabledReason) {

    /** The current secret, shown to the caller at creation and after a rotation. */
    public String secret() {
        return secrets.secret();
    }

    /** Whether an event of {@code type} about a review of {@code reviewFormId} goes to this endpoint. */
    public boolean wants(String type, String reviewFormId) {
        return disabledAt == null
                && (events == null || events.contains(type))
                && (formId == null || formId.equals(reviewFormId));
    }
}
