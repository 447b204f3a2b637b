package dev.reviewgate.client;

/**
 * 409: the request conflicts with the review's state. The body names that state where it can:
 * a different decision already stands ({@link #decision()}; re-read the review and treat that
 * decision as the truth), another actor holds a live claim ({@link #claim()}), a review already gates
 * the run address ({@link #reviewId()}), the snapshot exists with another parent, or the review is
 * decided and takes no more changes.
 */
public class ConflictException extends ReviewgateException {

    private final transient Decision decision;
    private final transient Claim claim;
    /** The review the conflict names, or null. */
    private final String reviewId;

    /**
     * Creates the error.
     *
     * @param problemType the problem's {@code type} URI, or null
     * @param detail      the problem's {@code detail}
     * @param decision    the decision that stands, or null when the body has none
     * @param reviewId    the review the conflict is about, or null when the body names none
     */
    public ConflictException(String problemType, String detail, Decision decision, String reviewId) {
        this(problemType, detail, decision, null, reviewId);
    }

    /**
     * Creates the error, with the claim that blocked the request.
     *
     * @param problemType the problem's {@code type} URI, or null
     * @param detail      the problem's {@code detail}
     * @param decision    the decision that stands, or null when the body has none
     * @param claim       the live claim another actor holds, or null when the body has none
     * @param reviewId    the review the conflict is about, or null when the body names none
     */
    public ConflictException(String problemType, String detail, Decision decision, Claim claim, String reviewId) {
        super(409, problemType, detail);
        this.decision = decision;
        this.claim = claim;
        this.reviewId = reviewId;
    }

    /**
     * The decision that already stands.
     *
     * @return the current decision, or null when the conflict is not about a decision
     */
    public Decision decision() {
        return decision;
    }

    /**
     * The live claim held by another actor: who holds it and until when.
     *
     * @return the claim, or null when the conflict is not about a claim
     */
    public Claim claim() {
        return claim;
    }

    /**
     * The existing review, when a review already gates the requested {@code (runId, blockId)}.
     *
     * @return its id, or null
     */
    public String reviewId() {
        return reviewId;
    }
}
