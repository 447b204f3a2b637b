package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;

/**
 * When the current assignees are reminded of an undecided review (event {@code review.reminder}):
 * first {@code after} its creation, then every {@code every}, at most {@code max} times.
 *
 * <pre>{@code
 * Reminders.once(Duration.ofHours(1));
 * Reminders.repeating(Duration.ofHours(1), Duration.ofHours(4)).max(3);
 * }</pre>
 *
 * The review counts them in {@link Review#remindersSent()}.
 *
 * @param after the first reminder's delay after creation
 * @param every the pause between later reminders, or null for one reminder
 * @param max   at most this many reminders, 1–100, or null for the server's default (1 without
 *              {@code every}, else 10)
 */
public record Reminders(Duration after, Duration every, Integer max) {

    /**
     * Checks the required member.
     *
     * @param after the first reminder's delay
     * @param every the pause between later reminders, or null
     * @param max   the most reminders, or null
     */
    public Reminders {
        Objects.requireNonNull(after, "after");
    }

    /**
     * One reminder.
     *
     * @param after its delay after creation
     * @return the reminders
     */
    public static Reminders once(Duration after) {
        return new Reminders(after, null, null);
    }

    /**
     * A first reminder, then more at a fixed pause (10 in all unless {@link #max(int)} says otherwise).
     *
     * @param after the first reminder's delay after creation
     * @param every the pause between reminders
     * @return the reminders
     */
    public static Reminders repeating(Duration after, Duration every) {
        return new Reminders(after, Objects.requireNonNull(every, "every"), null);
    }

    /**
     * Another limit on the number of reminders.
     *
     * @param value 1–100
     * @return a copy with it
     */
    public Reminders max(int value) {
        return new Reminders(after, every, value);
    }

    /**
     * The reminders as the API's JSON.
     *
     * @return e.g. {@code {"after":"PT1H","every":"PT4H","max":3}}
     */
    @JsonValue
    public JsonNode toJson() {
        ObjectNode out = Json.object().put("after", after.toString());
        if (every != null) {
            out.put("every", every.toString());
        }
        if (max != null) {
            out.put("max", max);
        }
        return out;
    }
}
