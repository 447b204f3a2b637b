package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a review is due and what happens if nobody decides by then. Start with {@link #after(Duration)}
 * or {@link #at(Instant)}; either rejects on expiry. Approving on expiry is explicit opt-in only:
 * nothing in the SDK or the server ever defaults to it.
 *
 * <pre>{@code
 * Deadline.after(Duration.ofHours(4));                                      // then rejected
 * Deadline.after(Duration.ofHours(4)).escalate(Assignees.groups("leads"));  // then leads, 4 h more, then rejected
 * Deadline.at(Instant.parse("2026-12-24T17:00:00Z")).onExpire(Deadline.OnExpire.APPROVE);
 * }</pre>
 *
 * The review shows the resulting {@link Review#dueAt()}; {@link Work#moveDeadline(ReviewAddress, Duration)}
 * moves it. Set one with {@link ReviewRequestBuilder#setDeadline(Deadline)}; as a value in a form
 * definition it is written as the API's JSON (a form default takes {@code after} only).
 *
 * @param after      due this long after creation, or null when {@code at} is given
 * @param at         due at this time, or null when {@code after} is given
 * @param onExpire   what the first expiry does
 * @param escalateTo who is added on {@link OnExpire#ESCALATE}, else empty
 * @param then       what the expiry after an escalation does: {@link OnExpire#REJECT} or {@link OnExpire#APPROVE}
 */
public record Deadline(Duration after, Instant at, OnExpire onExpire, Assignees escalateTo, OnExpire then) {

    /** What a passed deadline does. */
    public enum OnExpire {
        /** Rejected on the head version, reason {@code expired: no decision by <dueAt>} (the default). */
        REJECT("reject"),
        /** Approved on the head version; only when asked for. */
        APPROVE("approve"),
        /** The escalation assignees are added and the review is due once more, {@code then} decides. */
        ESCALATE("escalate");

        private final String wire;

        OnExpire(String wire) {
            this.wire = wire;
        }

        /**
         * The name the API uses.
         *
         * @return e.g. {@code reject}
         */
        public String wire() {
            return wire;
        }
    }

    /**
     * Checks that the deadline is one the server can take.
     *
     * @param after      due this long after creation, or null
     * @param at         due at this time, or null
     * @param onExpire   what the first expiry does; null means {@link OnExpire#REJECT}
     * @param escalateTo who is added on escalation; only with {@link OnExpire#ESCALATE}, where it is required
     * @param then       what the second expiry does; null means {@link OnExpire#REJECT}
     * @throws IllegalArgumentException when neither or both of {@code after} and {@code at} are given, or the
     *                                  escalation members do not fit {@code onExpire}
     */
    public Deadline {
        if ((after == null) == (at == null)) {
            throw new IllegalArgumentException("give exactly one of after and at");
        }
        onExpire = onExpire == null ? OnExpire.REJECT : onExpire;
        then = then == null ? OnExpire.REJECT : then;
        escalateTo = escalateTo == null ? Assignees.none() : escalateTo;
        if (then == OnExpire.ESCALATE) {
            throw new IllegalArgumentException("then must be REJECT or APPROVE");
        }
        if ((onExpire == OnExpire.ESCALATE) == escalateTo.isEmpty()) {
            throw new IllegalArgumentException(
                    onExpire == OnExpire.ESCALATE
                            ? "escalate needs someone to escalate to"
                            : "escalateTo applies only with onExpire ESCALATE");
        }
    }

    /**
     * Due a span after the review's creation; rejected on expiry.
     *
     * @param after e.g. {@code Duration.ofHours(4)}; positive, at most 366 days
     * @return the deadline
     */
    public static Deadline after(Duration after) {
        return new Deadline(Objects.requireNonNull(after, "after"), null, OnExpire.REJECT, null, null);
    }

    /**
     * Due at a time in the future; rejected on expiry.
     *
     * @param at the due time
     * @return the deadline
     */
    public static Deadline at(Instant at) {
        return new Deadline(null, Objects.requireNonNull(at, "at"), OnExpire.REJECT, null, null);
    }

    /**
     * Another action on expiry, {@link OnExpire#REJECT} or {@link OnExpire#APPROVE}; for
     * {@link OnExpire#ESCALATE} use {@link #escalate(Assignees, OnExpire)}.
     *
     * @param value the action
     * @return a copy with it
     */
    public Deadline onExpire(OnExpire value) {
        if (value == OnExpire.ESCALATE) {
            throw new IllegalArgumentException("escalating needs its assignees: use escalate(…)");
        }
        return new Deadline(after, at, value, null, null);
    }

    /**
     * On expiry, adds {@code to} to the assignees and makes the review due once more (the same span
     * again); at that second expiry {@code then} applies.
     *
     * @param to   the users and groups to escalate to
     * @param then {@link OnExpire#REJECT} or {@link OnExpire#APPROVE}
     * @return a copy with it
     */
    public Deadline escalate(Assignees to, OnExpire then) {
        return new Deadline(after, at, OnExpire.ESCALATE, Objects.requireNonNull(to, "to"), then);
    }

    /**
     * On expiry, escalates to {@code to}; at the second expiry the review is rejected.
     *
     * @param to the users and groups to escalate to
     * @return a copy with it
     */
    public Deadline escalate(Assignees to) {
        return escalate(to, OnExpire.REJECT);
    }

    /**
     * The deadline as the API's JSON; {@code onExpire} is always spelled out.
     *
     * @return e.g. {@code {"after":"PT4H","onExpire":"reject"}}
     */
    @JsonValue
    public JsonNode toJson() {
        ObjectNode out = Json.object();
        if (after != null) {
            out.put("after", after.toString());
        } else {
            out.set("at", Json.tree(at));
        }
        out.put("onExpire", onExpire.wire());
        if (onExpire == OnExpire.ESCALATE) {
            ObjectNode to = out.putObject("escalateTo");
            escalateTo.writeTo(to);
            out.put("then", then.wire());
        }
        return out;
    }
}
