package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a review is in its lifecycle. */
public enum ReviewStatus {
    /** Waiting for a person. */
    @JsonProperty("pending")
    PENDING,
    /** A reviewer asked for a retry; waiting for the agent's update. */
    @JsonProperty("changes_requested")
    CHANGES_REQUESTED,
    /** Decided: a version was approved (terminal). */
    @JsonProperty("approved")
    APPROVED,
    /** Decided: a version was rejected (terminal). */
    @JsonProperty("rejected")
    REJECTED,
    /** A status this SDK version does not know yet. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * Whether the review has its terminal decision.
     *
     * @return true for {@link #APPROVED} and {@link #REJECTED}
     */
    public boolean isDecided() {
        return this == APPROVED || this == REJECTED;
    }
}
