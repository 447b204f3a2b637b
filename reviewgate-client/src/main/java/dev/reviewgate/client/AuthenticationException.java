package dev.reviewgate.client;

/** 401 or 403: the API key is missing, wrong or not allowed to do this. */
public class AuthenticationException extends ReviewgateException {

    /**
     * Creates the error.
     *
     * @param status      the HTTP status
     * @param problemType the problem's {@code type} URI, or null
     * @param detail      the problem's {@code detail}
     */
    public AuthenticationException(int status, String problemType, String detail) {
        super(status, problemType, detail);
    }
}
