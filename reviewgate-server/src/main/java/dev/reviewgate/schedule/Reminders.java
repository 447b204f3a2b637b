package dev.reviewgate.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A review's {@code remind}: the first reminder {@code after} a duration from creation, then every
 * {@code every}, at most {@code max} in all (one when {@code every} is absent, else 10 unless given).
 */
public record Reminders(Duration after, Duration every, int max) {

    public static final int MAX_REMINDERS = 100;
    static final int DEFAULT_REPEATING_MAX = 10;
    private static final Set<String> MEMBERS = Set.of("after", "every", "max");

    /** When reminder number {@code sent + 1} is due for a review created at {@code createdAt}, if any is left. */
    public OptionalLong nextAt(long createdAt, int sent) {
        if (sent >= max || (sent > 0 && every == null)) {
            return OptionalLong.empty();
        }
        long first = createdAt + after.toMillis();
        return OptionalLong.of(sent == 0 ? first : first + every.toMillis() * sent);
    }

    /** Reads a {@code remind} member; null when absent. Problems go to {@code out}. */
    public static Reminders parse(JsonNode node, String pointer, List<Violation> out) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            out.add(new Violation(pointer, "remind must be an object {\"after\", \"every\"?, \"max\"?}"));
            return null;
        }
        int before = out.size();
        node.fieldNames().forEachRemaining(n -> {
            if (!MEMBERS.contains(n)) {
                out.add(Violation.at(pointer, n, "unknown member"));
            }
        });
        Duration after = IsoDurations.parse(node.get("after"), Violation.child(pointer, "after"), out);
        Duration every = node.hasNonNull("every")
                ? IsoDurations.parse(node.get("every"), Violation.child(pointer, "every"), out)
                : null;
        int max = every == null ? 1 : DEFAULT_REPEATING_MAX;
        JsonNode m = node.get("max");
        if (m != null && !m.isNull()) {
            if (!m.canConvertToInt() || !m.isIntegralNumber() || m.asInt() < 1 || m.asInt() > MAX_REMINDERS) {
                out.add(Violation.at(pointer, "max", "must be a whole number from 1 to " + MAX_REMINDERS));
            } else {
                max = m.asInt();
            }
        }
        return out.size() > before ? null : new Reminders(after, every, max);
    }

    public ObjectNode toJson() {
        ObjectNode out = Json.object().put("after", after.toString());
        if (every != null) {
            out.put("every", every.toString());
        }
        return out.put("max", max);
    }

    public static Reminders fromJson(JsonNode node) {
        return new Reminders(
                Duration.parse(node.get("after").asText()),
                node.hasNonNull("every") ? Duration.parse(node.get("every").asText()) : null,
                node.path("max").asInt(1));
    }
}
