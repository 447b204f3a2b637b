package dev.reviewgate.audit;

/**
 * Which entries a read wants, in {@code seq} order: after {@code afterSeq} (the cursor), up to
 * {@code throughSeq} when set, those the filter lets through, at most {@code limit} (null: all).
 */
public record AuditQuery(long afterSeq, Long throughSeq, Filter filter, Long limit) {

    /**
     * What the export and the admin page filter on; null members do not filter.
     *
     * @param since    epoch milliseconds, inclusive
     * @param until    epoch milliseconds, exclusive
     * @param action   one action, e.g. {@code session.sign_in_failed}
     * @param reviewId entries about one review
     */
    public record Filter(Long since, Long until, String action, String reviewId) {

        public static final Filter NONE = new Filter(null, null, null, null);
    }
}
