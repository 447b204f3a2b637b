package dev.reviewgate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.error.Violation;
import dev.reviewgate.routing.Routing;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.Reminders;
import java.util.List;

/**
 * What a form sets for every review opened on it: routing, how many distinct approvals decide
 * ({@code approvals.required}), and a default deadline and reminders.
 *
 * @param routing           default assignees and who may act
 * @param requiredApprovals 1–10
 * @param deadline          the default deadline, or null
 * @param remind            the default reminders, or null
 * @param notifications     where notifications go besides the reviewers' own channels
 */
public record ReviewDefaults(
        Routing routing, int requiredApprovals, Deadline deadline, Reminders remind, FormNotify notifications) {

    public static final ReviewDefaults NONE = new ReviewDefaults(Routing.ANYONE, 1, null, null, FormNotify.DEFAULT);

    public ReviewDefaults {
        notifications = notifications == null ? FormNotify.DEFAULT : notifications;
    }

    public static final int MAX_REQUIRED = 10;

    /** Reads the members {@code routing}, {@code approvals}, {@code deadline}, {@code remind} and {@code notify} of a form body. */
    static ReviewDefaults parse(JsonNode body, List<Violation> out) {
        return new ReviewDefaults(
                Routing.parse(body.get("routing"), "/routing", out),
                required(body.get("approvals"), out),
                Deadline.parse(body.get("deadline"), "/deadline", false, out),
                Reminders.parse(body.get("remind"), "/remind", out),
                FormNotify.parse(body.get("notify"), out));
    }

    void writeTo(ObjectNode form) {
        if (!equals(NONE)) {
            form.set("routing", routing.toJson());
            form.putObject("approvals").put("required", requiredApprovals);
        }
        if (deadline != null) {
            form.set("deadline", deadline.toJson());
        }
        if (remind != null) {
            form.set("remind", remind.toJson());
        }
        if (!notifications.equals(FormNotify.DEFAULT)) {
            form.set("notify", notifications.toJson());
        }
    }

    private static int required(JsonNode approvals, List<Violation> out) {
        if (approvals == null || approvals.isNull()) {
            return 1;
        }
        if (!approvals.isObject()) {
            out.add(new Violation("/approvals", "approvals must be an object {\"required\": 1–10}"));
            return 1;
        }
        approvals.fieldNames().forEachRemaining(n -> {
            if (!n.equals("required")) {
                out.add(Violation.at("/approvals", n, "unknown member"));
            }
        });
        JsonNode r = approvals.get("required");
        if (r == null || r.isNull()) {
            return 1;
        }
        if (!r.isIntegralNumber() || !r.canConvertToInt() || r.asInt() < 1 || r.asInt() > MAX_REQUIRED) {
            out.add(new Violation("/approvals/required", "must be a whole number from 1 to " + MAX_REQUIRED));
            return 1;
        }
        return r.asInt();
    }
}
