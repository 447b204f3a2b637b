package dev.reviewgate.webhook;

import java.util.List;

/**
 * An account's webhook endpoint: a URL, optional event and form filters, and its signing secrets
 * (the previous one still signs for a day after a rotation).
 */
public record Endpoint(String accountId, String id, String url, List<String> events, String formId, String secret,
                       String previousSecret, Long rotatedAt, long createdAt, Long disabledAt, String disabledReason) {

    /** Whether an event of {@code type} about a review of {@code reviewFormId} goes to this endpoint. */
    public boolean wants(String type, String reviewFormId) {
        return disabledAt == null
                && (events == null || events.contains(type))
                && (formId == null || formId.equals(reviewFormId));
    }
}
