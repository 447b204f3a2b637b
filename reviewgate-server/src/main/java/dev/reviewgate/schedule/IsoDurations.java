package dev.reviewgate.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.error.Violation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** ISO-8601 durations in requests ({@code PT15M}, {@code P1D}, {@code P2DT4H}): positive and at most a year. */
public final class IsoDurations {

    public static final Duration MAX = Duration.ofDays(366);

    private IsoDurations() {}

    /** The duration {@code node} spells, or null with a violation at {@code pointer}. */
    public static Duration parse(JsonNode node, String pointer, List<Violation> out) {
        if (node == null || !node.isTextual() || node.asText().length() > 64) {
            out.add(new Violation(pointer, "must be an ISO-8601 duration such as PT15M or P1D"));
            return null;
        }
        try {
            Duration d = Duration.parse(node.asText());
            if (d.isNegative() || d.isZero() || d.compareTo(MAX) > 0) {
                out.add(new Violation(pointer, "must be longer than zero and at most 366 days"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            out.add(new Violation(pointer, "must be an ISO-8601 duration such as PT15M or P1D"));
            return null;
        }
    }
}
