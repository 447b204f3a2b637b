package dev.reviewgate.client;

import java.util.List;

/** 422: the content is invalid; {@link #errors()} has one JSON Pointer into the request body per problem. */
public class ValidationException extends ReviewgateException {

    /**
     * One problem of the request body.
     *
     * @param pointer an RFC 6901 JSON Pointer into the body, e.g. {@code /fields/blog}; "" for the body
     * @param message what is wrong there
     */
    public record Violation(String pointer, String message) {}

    /** One violation per pointer. */
    private final List<Violation> errors;

    /**
     * Creates the error.
     *
     * @param problemType the problem's {@code type} URI, or null
     * @param detail      the problem's {@code detail}
     * @param errors      the problems, one per pointer
     */
    public ValidationException(String problemType, String detail, List<Violation> errors) {
        super(422, problemType, detail + (errors.isEmpty() ? "" : " " + errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * The problems.
     *
     * @return one entry per JSON Pointer, in the server's order
     */
    public List<Violation> errors() {
        return errors;
    }

    /**
     * The pointers alone, handy for assertions and logs.
     *
     * @return every {@link Violation#pointer()}
     */
    public List<String> pointers() {
        return errors.stream().map(Violation::pointer).toList();
    }
}
