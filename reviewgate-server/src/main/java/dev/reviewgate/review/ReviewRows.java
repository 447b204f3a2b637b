package dev.reviewgate.review;

import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.routing.Assignees;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a {@code reviews} row and their mapping to a {@link Review} without children,
 * shared by {@link ReviewRepository} and {@link QueueRepository}.
 */
final class ReviewRows {

    static final String HEADER_COLUMNS = """
            account_id, id, form_id, form_revision, form_name, title, status, workflow_id, run_id, block_id, meta,
            visible_fields, head_version_id, triggered_by, awaiting_since, assigned_to, assigned_groups, webhook_url,
            round, event_seq, created_at, updated_at, priority, due_at, deadline, remind, reminders_sent, escalations,
            claim_by, claim_via, claimed_at, claim_expires_at""";

    private ReviewRows() {}

    static Review withHistory(Review header, ReviewHistory history) {
        return new Review(header.header(), header.labels(), header.state(), history, header.work());
    }

    /** Maps a row of {@link #HEADER_COLUMNS} to a review without children. */
    static Review header(ResultSet rs) throws SQLException {
        long awaiting = rs.getLong("awaiting_since");
        Long awaitingSince = rs.wasNull() ? null : awaiting;
        String triggered = rs.getString("triggered_by");
        ReviewHeader header = new ReviewHeader(
                rs.getString("account_id"),
                rs.getString("id"),
                new ReviewHeader.FormPin(
                        rs.getString("form_id"), rs.getInt("form_revision"), rs.getString("form_name")),
                new ReviewHeader.RunAddress(
                        rs.getString("workflow_id"), rs.getString("run_id"), rs.getString("block_id")),
                strings(rs.getString("visible_fields")),
                triggered == null ? null : Json.parse(triggered),
                rs.getString("webhook_url"),
                rs.getLong("created_at"));
        ReviewLabels labels = new ReviewLabels(
                rs.getString("title"),
                Json.parse(rs.getString("meta")),
                new Assignees(strings(rs.getString("assigned_to")), strings(rs.getString("assigned_groups"))),
                rs.getInt("priority"));
        ReviewState state = new ReviewState(
                ReviewStatus.fromWire(rs.getString("status")),
                rs.getString("head_version_id"),
                rs.getInt("round"),
                awaitingSince,
                rs.getLong("event_seq"),
                rs.getLong("updated_at"));
        return new Review(header, labels, state, ReviewHistory.EMPTY, WorkColumns.read(rs));
    }

    static Actor actor(String json) {
        return Actor.from(Json.parse(json));
    }

    private static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        Json.parse(json).forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
