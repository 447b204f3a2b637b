package dev.reviewgate.client;

import java.time.Duration;

/** A wait ({@link Reviews#waitFor}, {@link Reviews#waitForDecision}) ran out of time before its condition held. */
public class WaitTimeoutException extends ReviewgateException {

    private final transient Review lastSeen;

    /**
     * Creates the error.
     *
     * @param what     what was awaited, for the message
     * @param timeout  the overall timeout that elapsed
     * @param lastSeen the review as last seen, or null when it did not exist
     */
    public WaitTimeoutException(String what, Duration timeout, Review lastSeen) {
        super(0, null, "timed out after " + timeout + " waiting for " + what);
        this.lastSeen = lastSeen;
    }

    /**
     * The review as the last answer showed it.
     *
     * @return the review, or null when no review existed at the run address
     */
    public Review lastSeen() {
        return lastSeen;
    }
}
