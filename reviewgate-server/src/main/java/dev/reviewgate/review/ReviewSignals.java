package dev.reviewgate.review;

import dev.reviewgate.wait.ChangeSignals;
import java.util.ArrayList;
import java.util.List;

/** The wake-up keys of a review: by id and, when it gates a run, by run address. */
public final class ReviewSignals {

    private ReviewSignals() {}

    public static String reviewKey(String accountId, String reviewId) {
        return accountId + "|review|" + reviewId;
    }

    public static String runKey(String accountId, String runId, String blockId) {
        return accountId + "|run|" + runId.length() + ":" + runId + "|" + blockId;
    }

    /** Every key a change to this review fires. */
    public static List<String> keys(String accountId, String reviewId, String runId, String blockId) {
        List<String> keys = new ArrayList<>(2);
        keys.add(reviewKey(accountId, reviewId));
        if (runId != null && blockId != null) {
            keys.add(runKey(accountId, runId, blockId));
        }
        return keys;
    }

    /** Wakes the waiters on a review committed here, handing them the review as committed. */
    public static void changed(ChangeSignals<Review> signals, Review review) {
        signals.changed(keys(review.accountId(), review.id(), review.runId(), review.blockId()), review);
    }

    /**
     * Wakes the waiters on a review just created. Only its run address can have been waited on
     * before it existed (a wait by id is a 404 until then), so a review without one fires nothing:
     * no wake-up here, and no NOTIFY to the other instances for each create.
     */
    public static void created(ChangeSignals<Review> signals, Review review) {
        if (review.runId() != null && review.blockId() != null) {
            changed(signals, review);
        }
    }

    /** Wakes the waiters on a review changed on another instance; they re-read it. */
    public static void changedElsewhere(
            ChangeSignals<Review> signals, String accountId, String reviewId, String runId, String blockId) {
        keys(accountId, reviewId, runId, blockId).forEach(key -> signals.fire(key, null));
    }
}
