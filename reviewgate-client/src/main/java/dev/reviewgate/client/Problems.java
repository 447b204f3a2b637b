package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Turns an error answer (RFC 9457 problem+json, or anything else a proxy sends) into the typed exception. */
final class Problems {

    private Problems() {}

    static ReviewgateException toException(int status, String body, String retryAfterHeader) {
        JsonNode problem = parseQuietly(body);
        String type = text(problem, "type");
        String detail = text(problem, "detail");
        if (detail == null) {
            detail = text(problem, "title");
        }
        if (detail == null) {
            detail = body == null || body.isBlank() ? "no details" : abbreviate(body);
        }
        return switch (status) {
            case 401, 403 -> new AuthenticationException(status, type, detail);
            case 404 -> new NotFoundException(status, type, detail);
            case 409 ->
                new ConflictException(
                        type,
                        detail,
                        member(problem, "decision", Decision.class),
                        member(problem, "claim", Claim.class),
                        text(problem, "reviewId"));
            case 422 -> new ValidationException(type, detail, violations(problem));
            case 429 -> new RateLimitedException(type, detail, retryAfter(retryAfterHeader, Instant.now()));
            default ->
                status >= 500
                        ? new ServerException(status, type, detail)
                        : new ReviewgateException(status, type, detail);
        };
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static <T> T member(JsonNode problem, String name, Class<T> type) {
        JsonNode node = problem == null ? null : problem.get(name);
        return node == null || !node.isObject() ? null : Json.convert(node, type);
    }

    private static List<ValidationException.Violation> violations(JsonNode problem) {
        List<ValidationException.Violation> out = new ArrayList<>();
        JsonNode errors = problem == null ? null : problem.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode e : errors) {
                out.add(new ValidationException.Violation(
                        e.path("pointer").asText(""), e.path("message").asText("")));
            }
        }
        return out;
    }

    private static JsonNode parseQuietly(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception notJson) {
            // A proxy's HTML error page is still an error; the status decides its type.
            return null;
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
