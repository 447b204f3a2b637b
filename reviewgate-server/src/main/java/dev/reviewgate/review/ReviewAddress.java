package dev.reviewgate.review;

import dev.reviewgate.error.Problem;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** How a route names a review: by its id, or by the {@code (runId, blockId)} it gates. */
public record ReviewAddress(String reviewId, String runId, String blockId) {

    public static ReviewAddress byId(String reviewId) {
        return new ReviewAddress(reviewId, null, null);
    }

    public static ReviewAddress byRun(String runId, String blockId) {
        return new ReviewAddress(null, runId, blockId);
    }

    /** The review id, if such a review exists in the account. */
    public Optional<String> find(Handle h, ReviewRepository reviews, String accountId) {
        if (reviewId != null) {
            return reviews.exists(h, accountId, reviewId) ? Optional.of(reviewId) : Optional.empty();
        }
        return reviews.idByRun(h, accountId, runId, blockId);
    }

    /** The review id; 404 (also for another account's review) when there is none. */
    public String resolve(Handle h, ReviewRepository reviews, String accountId) {
        return find(h, reviews, accountId).orElseThrow(this::notFound);
    }

    /** The 404 for this address; another account's review is reported the same way as a missing one. */
    public Problem notFound() {
        return Problem.notFound(
                reviewId != null
                        ? "No review " + reviewId
                        : "No review gates run " + runId + " block " + blockId + " (yet)");
    }

    /** The signal keys a waiter on this address listens to. */
    public List<String> signalKeys(String accountId) {
        return reviewId != null
                ? List.of(ReviewSignals.reviewKey(accountId, reviewId))
                : List.of(ReviewSignals.runKey(accountId, runId, blockId));
    }
}
