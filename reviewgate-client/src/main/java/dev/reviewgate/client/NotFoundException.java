package dev.reviewgate.client;

/** 404: the id is unknown (or belongs to another account), or no review gates the run address yet. */
public class NotFoundException extends ReviewgateException {

    /**
     * Creates the error.
     *
     * @param status      the HTTP status
     * @param problemType the problem's {@code type} URI, or null
     * @param detail      the problem's {@code detail}
     */
    public NotFoundException(int status, String problemType, String detail) {
        super(status, problemType, detail);
    }
}
