package dev.reviewgate.client;

/**
 * A received webhook is not provably from your Reviewgate server: a header is missing, the
 * timestamp is outside the tolerance, or no signature matches. Answer such a request with 400 or
 * 401 and do not act on it.
 */
public class WebhookVerificationException extends RuntimeException {

    /**
     * Creates the error.
     *
     * @param message what failed
     */
    public WebhookVerificationException(String message) {
        super(message);
    }
}
