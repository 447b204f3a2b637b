package dev.reviewgate.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one error type of the service. Whatever layer throws it, the HTTP layer renders it as an
 * RFC 9457 {@code application/problem+json} body with {@code type}, {@code title}, {@code status},
 * {@code detail}, the 422 {@code errors} list and any extension members.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> errors;
    private final Map<String, Object> extensions;

    private Problem(int status, String title, String detail, List<Violation> errors, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = extensions;
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, List.of(), new LinkedHashMap<>());
    }

    public static Problem badRequest(String detail) {
        return of(400, "Malformed request", detail);
    }

    public static Problem unauthorized(String detail) {
        return of(401, "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return of(403, "Forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return of(404, "Not found", detail);
    }

    public static Problem conflict(String detail) {
        return of(409, "Conflict", detail);
    }

    public static Problem tooLarge(String detail) {
        return of(413, "Content too large", detail);
    }

    /** A 422 carrying one JSON Pointer per problem. */
    public static Problem invalid(List<Violation> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message() : errors.size() + " problems in the request";
        return new Problem(422, "Invalid request", detail, errors, new LinkedHashMap<>());
    }

    public static Problem invalid(String pointer, String message) {
        return invalid(List.of(new Violation(pointer, message)));
    }

    /** Throws a 422 when {@code errors} is not empty. */
    public static void throwIfAny(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /** Adds an extension member (e.g. the current decision on a 409) and returns this problem. */
    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> errors() {
        return errors;
    }

    /**
     * The extension members in the order they were added. A null value stays a member (rendered as
     * JSON null, e.g. the parent of a first version), which {@code Map.copyOf} would refuse.
     */
    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A stable problem type URI derived from the status, e.g. {@code urn:reviewgate:problem:conflict}. */
    public String type() {
        return "urn:reviewgate:problem:" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
