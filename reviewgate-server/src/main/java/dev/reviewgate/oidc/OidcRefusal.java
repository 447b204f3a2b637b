package dev.reviewgate.oidc;

/**
 * A single sign-on that must not sign anyone in: the state is unknown, used, expired or from another
 * browser, the provider refused, or the ID token failed verification. {@code reason} is the short
 * code the audit log records; the message is shown to the person.
 */
public final class OidcRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public OidcRefusal(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public OidcRefusal(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
