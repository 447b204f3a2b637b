package dev.reviewgate.error;

/**
 * One problem with a request body, located by an RFC 6901 JSON Pointer into that body.
 *
 * @param pointer where the problem is, e.g. {@code /fields/blog} or {@code ""} for the whole body
 * @param message what is wrong, written for the person reading the 422 response
 */
public record Violation(String pointer, String message) {

    /** A violation at {@code base} followed by the escaped reference token {@code token}. */
    public static Violation at(String base, String token, String message) {
        return new Violation(child(base, token), message);
    }

    /** Appends one reference token to a pointer, escaping {@code ~} and {@code /} as RFC 6901 says. */
    public static String child(String base, String token) {
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** Appends an array index to a pointer. */
    public static String child(String base, int index) {
        return base + "/" + index;
    }
}
