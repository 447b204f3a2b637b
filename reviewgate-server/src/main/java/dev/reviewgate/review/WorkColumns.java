package dev.reviewgate.review;

import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.routing.Assignees;
import dev.reviewgate.schedule.Deadline;
import dev.reviewgate.schedule.Reminders;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of {@code reviews} that hold its {@link ReviewWork}: the claim, the deadline and
 * {@code due_at}, reminders and escalations. One place maps them both ways, so the insert, the
 * update and every reader agree.
 */
final class WorkColumns {

    /** {@code due_at} of a review without a deadline: the largest BIGINT, so it sorts last. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private WorkColumns() {}

    /** Reads the work of a row selected with {@link ReviewRows#HEADER_COLUMNS}. */
    static ReviewWork read(ResultSet rs) throws SQLException {
        long due = rs.getLong("due_at");
        String deadline = rs.getString("deadline");
        String remind = rs.getString("remind");
        String claimBy = rs.getString("claim_by");
        Claim claim = claimBy == null
                ? null
                : new Claim(
                        ReviewRows.actor(claimBy),
                        Via.fromWire(rs.getString("claim_via")).orElse(Via.API),
                        rs.getLong("claimed_at"),
                        rs.getLong("claim_expires_at"));
        List<Escalation> escalations = new ArrayList<>();
        Json.parse(rs.getString("escalations"))
                .forEach(e -> escalations.add(new Escalation(
                        e.get("at").asLong(),
                        Assignees.fromJson(e.get("added")),
                        e.get("dueAt").asLong())));
        return new ReviewWork(
                claim,
                due == NO_DEADLINE ? null : due,
                deadline == null ? null : Deadline.fromJson(Json.parse(deadline)),
                remind == null ? null : Reminders.fromJson(Json.parse(remind)),
                rs.getInt("reminders_sent"),
                escalations);
    }

    /**
     * The bindings {@code :dueAt}, {@code :deadline}, {@code :remindersSent}, {@code :escalations},
     * {@code :claimBy}, {@code :claimById}, {@code :claimVia}, {@code :claimedAt} and {@code :claimExpires}.
     */
    static Map<String, Object> bindings(ReviewWork w) {
        Map<String, Object> out = new HashMap<>();
        Claim c = w.claim();
        out.put("dueAt", w.dueAt() == null ? NO_DEADLINE : w.dueAt());
        out.put(
                "deadline",
                w.deadline() == null ? null : Json.write(w.deadline().toJson()));
        out.put("remindersSent", w.remindersSent());
        var escalations = Json.array();
        for (Escalation e : w.escalations()) {
            var node = escalations.addObject().put("at", e.at()).put("dueAt", e.dueAt());
            node.set("added", e.added().toJson());
        }
        out.put("escalations", Json.write(escalations));
        out.put("claimBy", c == null ? null : Json.write(c.by().toJson()));
        out.put("claimById", c == null ? null : c.by().id());
        out.put("claimVia", c == null ? null : c.via().wire());
        out.put("claimedAt", c == null ? null : c.claimedAt());
        out.put("claimExpires", c == null ? null : c.expiresAt());
        return out;
    }

    /** The binding {@code :remind}, which only the insert writes: the schedule stays fixed from creation. */
    static String remind(ReviewWork w) {
        return w.remind() == null ? null : Json.write(w.remind().toJson());
    }
}
