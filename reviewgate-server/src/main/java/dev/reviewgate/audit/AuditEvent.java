package dev.reviewgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;

/**
 * What a feature reports to the audit log: an action of an account, with an optional review and
 * details. The actor and channel default to the request's ({@link RequestScope}); a change made
 * outside a request, or for someone else (a policy, a deadline, a failed sign-in), names them.
 *
 * @param actor null for the request's actor
 * @param via   null for the request's channel
 */
public record AuditEvent(String accountId, String action, Actor actor, Via via, String reviewId, ObjectNode details) {

    /** Longest text kept of any detail value that came from a caller (an attempted e-mail, a URL). */
    static final int MAX_TEXT = 500;

    public static AuditEvent of(String accountId, String action) {
        return new AuditEvent(accountId, action, null, null, null, Json.object());
    }

    public AuditEvent by(Actor who) {
        return new AuditEvent(accountId, action, who, via, reviewId, details);
    }

    public AuditEvent via(Via channel) {
        return new AuditEvent(accountId, action, actor, channel, reviewId, details);
    }

    public AuditEvent review(String id) {
        return new AuditEvent(accountId, action, actor, via, id, details);
    }

    /** The event with one more detail; text is cut to {@value #MAX_TEXT} characters, null is kept as null. */
    public AuditEvent with(String name, Object value) {
        ObjectNode copy = details.deepCopy();
        if (value == null) {
            copy.putNull(name);
        } else if (value instanceof String text) {
            copy.put(name, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        } else {
            copy.set(name, Json.toTree(value));
        }
        return new AuditEvent(accountId, action, actor, via, reviewId, copy);
    }
}
