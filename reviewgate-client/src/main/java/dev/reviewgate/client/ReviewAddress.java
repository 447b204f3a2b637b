package dev.reviewgate.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a call names a review: by its id, or by the {@code (runId, blockId)} gate it guards. Every
 * review operation works with either.
 *
 * @param reviewId the review id, or null for a run address
 * @param runId    the run, or null for an id address
 * @param blockId  the block, or null for an id address
 */
public record ReviewAddress(String reviewId, String runId, String blockId) {

    /**
     * Checks that exactly one form of address is given.
     *
     * @param reviewId the review id, or null for a run address
     * @param runId    the run, or null for an id address
     * @param blockId  the block, or null for an id address
     */
    public ReviewAddress {
        boolean byRun = runId != null && blockId != null;
        if ((reviewId == null) == !byRun || (runId == null) != (blockId == null)) {
            throw new IllegalArgumentException("give either a reviewId or both runId and blockId");
        }
    }

    /**
     * The review with this id.
     *
     * @param reviewId e.g. {@code rev_01JD3K8Y2Q}
     * @return the address
     */
    public static ReviewAddress byId(String reviewId) {
        return new ReviewAddress(Objects.requireNonNull(reviewId, "reviewId"), null, null);
    }

    /**
     * The review gating this block of this run.
     *
     * @param runId   the run
     * @param blockId the block
     * @return the address
     */
    public static ReviewAddress byRun(String runId, String blockId) {
        return new ReviewAddress(
                null, Objects.requireNonNull(runId, "runId"), Objects.requireNonNull(blockId, "blockId"));
    }

    /** The API path of the review, e.g. {@code /v1/reviews/rev_1} or {@code /v1/runs/r/blocks/b/review}. */
    String path() {
        return reviewId != null
                ? "/v1/reviews/" + segment(reviewId)
                : "/v1/runs/" + segment(runId) + "/blocks/" + segment(blockId) + "/review";
    }

    @Override
    public String toString() {
        return reviewId != null ? reviewId : "run " + runId + " block " + blockId;
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
