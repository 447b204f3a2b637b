package dev.reviewgate.timer;

import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Times;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.OnExpire;

/**
 * What a passing deadline does, as the spec says: {@code reject} (the default), {@code approve}
 * (only when asked for), or {@code escalate} the first time and {@code then} (default reject) at the
 * expiry after an escalation. Nothing here ever falls back to approving.
 */
public final class ExpiryRules {

    /** Who decides on expiry: {@code {"kind":"agent","id":"deadline","displayName":"Deadline"}}. */
    public static final Actor DEADLINE = new Actor(Actor.AGENT, "deadline", "Deadline");

    private ExpiryRules() {}

    /**
     * The action for an expiry of {@code deadline} after {@code escalations} earlier escalations; a
     * due time without a recorded deadline rejects.
     */
    public static OnExpire action(Deadline deadline, int escalations) {
        if (deadline == null) {
            return OnExpire.REJECT;
        }
        if (deadline.onExpire() != OnExpire.ESCALATE) {
            return deadline.onExpire();
        }
        return escalations == 0 ? OnExpire.ESCALATE : deadline.then();
    }

    /** The decision's reason: {@code expired: no decision by <dueAt>}. */
    public static String reason(long dueAt) {
        return "expired: no decision by " + Times.iso(dueAt);
    }
}
