package dev.reviewgate.review;

/**
 * The part of a review that every change moves on: status, head version, instruction round, since
 * when it awaits a human, and the sequence of its last event.
 */
public record ReviewState(
        ReviewStatus status, String headVersionId, int round, Long awaitingSince, long eventSeq, long updatedAt) {

    /** The state after one more change, which announces itself with the next event. */
    ReviewState next(ReviewStatus newStatus, String newHead, int newRound, Long newAwaitingSince, long now) {
        return new ReviewState(newStatus, newHead, newRound, newAwaitingSince, eventSeq + 1, now);
    }
}
