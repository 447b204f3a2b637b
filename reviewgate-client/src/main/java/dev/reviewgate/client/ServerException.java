package dev.reviewgate.client;

/** A 5xx answer that was still failing after the SDK's retries. */
public class ServerException extends ReviewgateException {

    /**
     * Creates the error.
     *
     * @param status      the HTTP status
     * @param problemType the problem's {@code type} URI, or null
     * @param detail      the problem's {@code detail}
     */
    public ServerException(int status, String problemType, String detail) {
        super(status, problemType, detail);
    }
}
