package dev.reviewgate.client;

/**
 * Base of every error the SDK throws for a failed call: an RFC 9457 problem answered by the
 * server, or (with {@link #status()} {@code 0}) a failure to reach it at all.
 *
 * <p>Subclasses name the cases an agent usually handles differently: {@link ConflictException},
 * {@link ValidationException}, {@link NotFoundException}, {@link AuthenticationException},
 * {@link RateLimitedException}, {@link ServerException} and {@link WaitTimeoutException}.
 */
public class ReviewgateException extends RuntimeException {

    /** The HTTP status, 0 without an answer. */
    private final int status;
    /** The problem type URI, or null. */
    private final String problemType;
    /** The problem detail. */
    private final String detail;

    /**
     * Creates an error.
     *
     * @param status      the HTTP status, or {@code 0} when no answer was received
     * @param problemType the problem's {@code type} URI, e.g. {@code urn:reviewgate:problem:conflict}, or null
     * @param detail      the problem's {@code detail}, or a description of the failure
     */
    public ReviewgateException(int status, String problemType, String detail) {
        this(status, problemType, detail, null);
    }

    /**
     * Creates an error with a cause.
     *
     * @param status      the HTTP status, or {@code 0} when no answer was received
     * @param problemType the problem's {@code type} URI, or null
     * @param detail      the problem's {@code detail}, or a description of the failure
     * @param cause       the underlying failure, or null
     */
    public ReviewgateException(int status, String problemType, String detail, Throwable cause) {
        super(status == 0 ? detail : "HTTP " + status + ": " + detail, cause);
        this.status = status;
        this.problemType = problemType;
        this.detail = detail;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, or {@code 0} when the server could not be reached or did not answer in time
     */
    public int status() {
        return status;
    }

    /**
     * The problem's {@code type}, a stable URI to branch on.
     *
     * @return e.g. {@code urn:reviewgate:problem:not-found}, or null when the answer was not a problem
     */
    public String problemType() {
        return problemType;
    }

    /**
     * The problem's human-readable {@code detail}.
     *
     * @return the detail text
     */
    public String detail() {
        return detail;
    }
}
