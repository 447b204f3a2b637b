package dev.reviewgate.client;

import java.time.Duration;
import java.util.Optional;

/** 429: too many requests, still refused after the SDK's retries; wait {@link #retryAfter()} before trying again. */
public class RateLimitedException extends ReviewgateException {

    /** The server's Retry-After, or null. */
    private final Duration retryAfter;

    /**
     * Creates the error.
     *
     * @param problemType the problem's {@code type} URI, or null
     * @param detail      the problem's {@code detail}
     * @param retryAfter  the server's {@code Retry-After}, or null when it sent none
     */
    public RateLimitedException(String problemType, String detail, Duration retryAfter) {
        super(429, problemType, detail);
        this.retryAfter = retryAfter;
    }

    /**
     * How long the server asked to wait.
     *
     * @return the {@code Retry-After} delay, or empty when none was sent
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
