package dev.reviewgate.net;

import java.io.IOException;

/**
 * A webhook was not sent because its host is, or resolves to, an address the SSRF rules refuse, or
 * does not resolve at all (then the cause is the {@link java.net.UnknownHostException}, so a
 * delivery loop can treat it as transient). An {@link IOException} so it fails a delivery attempt
 * like any other connection failure.
 */
public final class RefusedAddressException extends IOException {

    public RefusedAddressException(String message) {
        super(message);
    }

    public RefusedAddressException(String message, Throwable cause) {
        super(message, cause);
    }
}
