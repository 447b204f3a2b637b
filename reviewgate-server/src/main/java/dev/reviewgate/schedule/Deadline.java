package dev.reviewgate.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.routing.Assignees;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * A review's deadline: due {@code after} a duration from creation or {@code at} a time, and what
 * happens when it passes. {@code then} is what a second expiry does after an escalation. Nothing
 * here ever defaults to approving.
 *
 * @param after      the span from creation (or from an escalation), or null when {@code at} is given
 * @param at         the absolute due time in epoch milliseconds, or null
 * @param onExpire   what the first expiry does
 * @param escalateTo who is added to the assignees on escalation (empty unless {@code onExpire} is {@link OnExpire#ESCALATE})
 * @param then       what the expiry after an escalation does ({@link OnExpire#REJECT} or {@link OnExpire#APPROVE})
 */
public record Deadline(Duration after, Long at, OnExpire onExpire, Assignees escalateTo, OnExpire then) {

    private static final Set<String> MEMBERS = Set.of("after", "at", "onExpire", "escalateTo", "then");

    public Deadline {
        onExpire = onExpire == null ? OnExpire.REJECT : onExpire;
        escalateTo = escalateTo == null ? Assignees.NONE : escalateTo;
        then = then == null ? OnExpire.REJECT : then;
    }

    /** When a review created at {@code createdAt} is due. */
    public long dueAt(long createdAt) {
        return at != null ? at : createdAt + after.toMillis();
    }

    /**
     * How long an escalation extends the deadline: {@code after}, or for an {@code at} deadline the
     * span it first gave ({@code dueAt - createdAt}).
     */
    public Duration escalationSpan(long createdAt) {
        return after != null ? after : Duration.ofMillis(Math.max(1_000, at - createdAt));
    }

    /**
     * Reads a {@code deadline} member; null when {@code node} is absent. {@code allowAt} is false for
     * a form default, where an absolute time makes no sense. Problems go to {@code out}.
     */
    public static Deadline parse(JsonNode node, String pointer, boolean allowAt, List<Violation> out) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            out.add(new Violation(pointer, "deadline must be an object {\"after\" | \"at\", \"onExpire\"?, …}"));
            return null;
        }
        int before = out.size();
        node.fieldNames().forEachRemaining(n -> {
            if (!MEMBERS.contains(n)) {
                out.add(Violation.at(pointer, n, "unknown member"));
            }
        });
        Duration after = null;
        Long at = null;
        boolean hasAfter = node.hasNonNull("after");
        boolean hasAt = node.hasNonNull("at");
        if (hasAfter == hasAt) {
            out.add(new Violation(pointer, allowAt ? "give exactly one of after and at" : "give after"));
        } else if (hasAfter) {
            after = IsoDurations.parse(node.get("after"), Violation.child(pointer, "after"), out);
        } else if (!allowAt) {
            out.add(Violation.at(pointer, "at", "a form default gives after, not an absolute time"));
        } else {
            at = instant(node.get("at"), Violation.child(pointer, "at"), out);
        }
        OnExpire onExpire = action(node.get("onExpire"), Violation.child(pointer, "onExpire"), true, out);
        OnExpire then = action(node.get("then"), Violation.child(pointer, "then"), false, out);
        Assignees escalateTo = Assignees.NONE;
        JsonNode esc = node.get("escalateTo");
        if (esc != null && !esc.isNull()) {
            if (!esc.isObject()) {
                out.add(Violation.at(pointer, "escalateTo", "must be {\"assignTo\"?, \"assignToGroups\"?}"));
            } else {
                escalateTo = Assignees.parse(esc, Violation.child(pointer, "escalateTo"), out);
            }
        }
        if (onExpire == OnExpire.ESCALATE && escalateTo.isEmpty()) {
            out.add(Violation.at(pointer, "escalateTo", "escalate needs someone to escalate to"));
        }
        if (onExpire != OnExpire.ESCALATE && (esc != null || node.has("then"))) {
            out.add(Violation.at(pointer, "onExpire", "escalateTo and then apply only with onExpire escalate"));
        }
        return out.size() > before ? null : new Deadline(after, at, onExpire, escalateTo, then);
    }

    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        if (after != null) {
            out.put("after", after.toString());
        } else {
            out.put("at", Times.iso(at));
        }
        out.put("onExpire", onExpire.wire());
        if (onExpire == OnExpire.ESCALATE) {
            out.set("escalateTo", escalateTo.toJson());
            out.put("then", then.wire());
        }
        return out;
    }

    /** Reads what {@link #toJson} wrote. */
    public static Deadline fromJson(JsonNode node) {
        return new Deadline(
                node.hasNonNull("after") ? Duration.parse(node.get("after").asText()) : null,
                node.hasNonNull("at") ? Instant.parse(node.get("at").asText()).toEpochMilli() : null,
                OnExpire.fromWire(node.path("onExpire").asText()).orElse(OnExpire.REJECT),
                node.has("escalateTo") ? Assignees.fromJson(node.get("escalateTo")) : Assignees.NONE,
                OnExpire.fromWire(node.path("then").asText()).orElse(OnExpire.REJECT));
    }

    /** An RFC 3339 time with an offset, e.g. {@code 2026-12-01T10:00:00Z}. */
    public static Long instant(JsonNode node, String pointer, List<Violation> out) {
        if (node == null || !node.isTextual() || node.asText().length() > 64) {
            out.add(new Violation(pointer, "must be a time such as 2026-12-01T10:00:00Z"));
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            out.add(new Violation(pointer, "must be a time such as 2026-12-01T10:00:00Z"));
            return null;
        }
    }

    private static OnExpire action(JsonNode node, String pointer, boolean escalateAllowed, List<Violation> out) {
        if (node == null || node.isNull()) {
            return null;
        }
        OnExpire value = node.isTextual() ? OnExpire.fromWire(node.asText()).orElse(null) : null;
        if (value == null || (!escalateAllowed && value == OnExpire.ESCALATE)) {
            out.add(new Violation(
                    pointer, escalateAllowed ? "must be reject, approve or escalate" : "must be reject or approve"));
            return null;
        }
        return value;
    }
}
