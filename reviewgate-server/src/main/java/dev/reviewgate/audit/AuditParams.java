package dev.reviewgate.audit;

import dev.reviewgate.error.Problem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;

/**
 * The query parameters of an audit read: {@code since}, {@code until} (ISO-8601 instants),
 * {@code cursor} (the {@code seq} of the last entry read), {@code limit}, and on the admin page
 * {@code action} and {@code reviewId}. A value out of range or an unknown parameter is a 400.
 */
public final class AuditParams {

    /** The largest {@code limit}; without one, the export runs to the end of the chain. */
    public static final long MAX_LIMIT = 10_000_000;

    public static final Set<String> EXPORT = Set.of("since", "until", "cursor", "limit");
    public static final Set<String> PAGE = Set.of("since", "until", "cursor", "action", "reviewId");

    private AuditParams() {}

    /** The query {@code param} asks for; {@code defaultLimit} applies when it names none (null: no limit). */
    public static AuditQuery parse(
            Set<String> known, Set<String> given, Function<String, String> param, Long defaultLimit) {
        given.stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw Problem.badRequest("Unknown query parameter '" + k + "'. Known: "
                    + known.stream().sorted().toList());
        });
        long after = number(param.apply("cursor"), "cursor", 0, Long.MAX_VALUE, 0L);
        Long limit = known.contains("limit")
                ? (Long) number(param.apply("limit"), "limit", 1, MAX_LIMIT, defaultLimit)
                : defaultLimit;
        AuditQuery.Filter filter = new AuditQuery.Filter(
                time(param.apply("since"), "since"),
                time(param.apply("until"), "until"),
                text(param.apply("action")),
                text(param.apply("reviewId")));
        return new AuditQuery(after, null, filter, limit);
    }

    private static Long number(String raw, String name, long min, long max, Long absent) {
        if (raw == null || raw.isEmpty()) {
            return absent;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the 400 below
        }
        throw Problem.badRequest(name + " must be an integer from " + min + " to " + max);
    }

    /** An instant such as {@code 2026-12-01T10:00:00Z}; a date-time without an offset (a browser's date field) is UTC. */
    static Long time(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(raw).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException again) {
                throw Problem.badRequest(name + " must be an ISO-8601 time such as 2026-12-01T10:00:00Z");
            }
        }
    }

    private static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > 200) {
            throw Problem.badRequest("filters are at most 200 characters");
        }
        return raw.trim();
    }
}
