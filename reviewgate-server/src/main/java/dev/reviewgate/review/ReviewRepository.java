package dev.reviewgate.review;

import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
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
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for reviews, their versions, instructions and decision. Every statement is scoped by account. */
public final class ReviewRepository {

    static final String HEADER_COLUMNS = """
            account_id, id, form_id, form_revision, form_name, title, status, workflow_id, run_id, block_id, meta,
            visible_fields, head_version_id, triggered_by, awaiting_since, assigned_to, assigned_groups, webhook_url,
            round, event_seq, created_at, updated_at, priority, due_at, deadline, remind, reminders_sent, escalations,
            claim_by, claim_via, claimed_at, claim_expires_at""";

    /** {@code due_at} of a review without a deadline: the largest BIGINT, so it sorts last. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    public Optional<String> idByRun(Handle h, String accountId, String runId, String blockId) {
        return h.createQuery("SELECT id FROM reviews WHERE account_id = :a AND run_id = :run AND block_id = :block")
                .bind("a", accountId)
                .bind("run", runId)
                .bind("block", blockId)
                .mapTo(String.class)
                .findOne();
    }

    public boolean exists(Handle h, String accountId, String id) {
        return h.createQuery("SELECT COUNT(*) FROM reviews WHERE account_id = :a AND id = :id")
                        .bind("a", accountId)
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    /**
     * The review as it is now, taken under its row lock when it is open, so that concurrent changes
     * to one review queue up and then see each other's result (on SQLite the IMMEDIATE transaction
     * already serialises writers). A decided review is read without a lock: it can no longer change.
     * Empty when the account has no such review.
     */
    public Optional<Review> lockAndLoad(Handle h, String accountId, String id) {
        Optional<Review> open = h.createQuery(
                        "UPDATE reviews SET event_seq = event_seq WHERE account_id = :a AND id = :id"
                                + " AND is_open = 1 RETURNING " + HEADER_COLUMNS)
                .bind("a", accountId)
                .bind("id", id)
                .map((rs, ctx) -> header(rs))
                .findOne();
        return open.isPresent() ? open.map(r -> withChildren(h, r)) : load(h, accountId, id);
    }

    public Optional<Review> load(Handle h, String accountId, String id) {
        return h.createQuery("SELECT " + HEADER_COLUMNS + " FROM reviews WHERE account_id = :a AND id = :id")
                .bind("a", accountId)
                .bind("id", id)
                .map((rs, ctx) -> header(rs))
                .findOne()
                .map(r -> withChildren(h, r));
    }

    private Review withChildren(Handle h, Review header) {
        return withHistory(
                header,
                new ReviewHistory(
                        versions(h, header.accountId(), header.id()),
                        instructions(h, header.accountId(), header.id()),
                        votes(h, header.accountId(), header.id()),
                        decision(h, header.accountId(), header.id()).orElse(null)));
    }

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
        return new Review(header, labels, state, ReviewHistory.EMPTY, work(rs));
    }

    private static ReviewWork work(ResultSet rs) throws SQLException {
        long due = rs.getLong("due_at");
        String deadline = rs.getString("deadline");
        String remind = rs.getString("remind");
        String claimBy = rs.getString("claim_by");
        Claim claim = claimBy == null
                ? null
                : new Claim(
                        actor(claimBy),
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

    public void insertHeader(Handle h, Review r) {
        h.createUpdate("INSERT INTO reviews (" + HEADER_COLUMNS + """
                        , is_open) VALUES (:account, :id, :form, :revision, :formName, :title, :status, :workflow, :run,
                        :block, :meta, :visible, :head, :triggered, :awaiting, :assigned, :groups, :webhook, :round,
                        :seq, :created, :updated, :priority, :dueAt, :deadline, :remind, :remindersSent, :escalations,
                        :claimBy, :claimVia, :claimedAt, :claimExpires, :open)""")
                .bind("account", r.accountId())
                .bind("id", r.id())
                .bind("form", r.formId())
                .bind("revision", r.formRevision())
                .bind("formName", r.formName())
                .bind("title", r.title())
                .bind("status", r.status().wire())
                .bind("workflow", r.workflowId())
                .bind("run", r.runId())
                .bind("block", r.blockId())
                .bind("meta", Json.write(r.meta()))
                .bind("visible", Json.write(r.visibleFields()))
                .bind("head", r.headVersionId())
                .bind("triggered", r.triggeredBy() == null ? null : Json.write(r.triggeredBy()))
                .bind("awaiting", r.awaitingSince())
                .bind("assigned", Json.write(r.assignedTo()))
                .bind("groups", Json.write(r.assignedGroups()))
                .bind("webhook", r.webhookUrl())
                .bind("round", r.round())
                .bind("seq", r.eventSeq())
                .bind("created", r.createdAt())
                .bind("updated", r.updatedAt())
                .bind("open", r.status().isOpen() ? 1 : 0)
                .bind("priority", r.priority())
                .bind(
                        "deadline",
                        r.work().deadline() == null
                                ? null
                                : Json.write(r.work().deadline().toJson()))
                .bind(
                        "remind",
                        r.work().remind() == null
                                ? null
                                : Json.write(r.work().remind().toJson()))
                .bindMap(workColumns(r.work()))
                .execute();
        insertAssignees(h, r);
    }

    private static void insertAssignees(Handle h, Review r) {
        for (String assignee : assigneeKeys(r.assignees())) {
            h.createUpdate("""
                            INSERT INTO review_assignees (account_id, review_id, assignee, created_at)
                            VALUES (:a, :id, :assignee, :created) ON CONFLICT DO NOTHING""")
                    .bind("a", r.accountId())
                    .bind("id", r.id())
                    .bind("assignee", assignee)
                    .bind("created", r.createdAt())
                    .execute();
        }
    }

    /**
     * The queue's {@code assignee} filter matches a user's e-mail or a group's id in one index:
     * e-mails always hold an {@code @} and group ids never do, so the two cannot collide.
     */
    private static List<String> assigneeKeys(Assignees a) {
        List<String> keys = new ArrayList<>(a.users());
        keys.addAll(a.groups());
        return keys;
    }

    /** Writes a new assignment, and the rows the queue's {@code assignee} filter reads. */
    public void updateAssignees(Handle h, Review r) {
        h.createUpdate("UPDATE reviews SET assigned_to = :assigned, assigned_groups = :groups"
                        + " WHERE account_id = :a AND id = :id")
                .bind("assigned", Json.write(r.assignedTo()))
                .bind("groups", Json.write(r.assignedGroups()))
                .bind("a", r.accountId())
                .bind("id", r.id())
                .execute();
        h.createUpdate("DELETE FROM review_assignees WHERE account_id = :a AND review_id = :id")
                .bind("a", r.accountId())
                .bind("id", r.id())
                .execute();
        insertAssignees(h, r);
    }

    private static Map<String, Object> workColumns(ReviewWork w) {
        Map<String, Object> out = new HashMap<>();
        Claim c = w.claim();
        out.put("dueAt", w.dueAt() == null ? NO_DEADLINE : w.dueAt());
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

    /** Writes the mutable part of the header, as {@code r} has it after a change. */
    public void updateState(Handle h, Review r) {
        h.createUpdate("""
                        UPDATE reviews SET status = :status, is_open = :open, head_version_id = :head, round = :round,
                               awaiting_since = :awaiting, event_seq = :seq, updated_at = :now, due_at = :dueAt,
                               reminders_sent = :remindersSent, escalations = :escalations, claim_by = :claimBy,
                               claim_by_id = :claimById, claim_via = :claimVia, claimed_at = :claimedAt,
                               claim_expires_at = :claimExpires, deadline = :deadline
                        WHERE account_id = :a AND id = :id""")
                .bind(
                        "deadline",
                        r.work().deadline() == null
                                ? null
                                : Json.write(r.work().deadline().toJson()))
                .bindMap(workColumns(r.work()))
                .bind("status", r.status().wire())
                .bind("open", r.status().isOpen() ? 1 : 0)
                .bind("head", r.headVersionId())
                .bind("round", r.round())
                .bind("awaiting", r.awaitingSince())
                .bind("seq", r.eventSeq())
                .bind("now", r.updatedAt())
                .bind("a", r.accountId())
                .bind("id", r.id())
                .execute();
    }

    /** An update may carry new {@code title} and {@code meta} along with the new output. */
    public void updateLabels(Handle h, Review r) {
        h.createUpdate("UPDATE reviews SET title = :title, meta = :meta WHERE account_id = :a AND id = :id")
                .bind("title", r.title())
                .bind("meta", Json.write(r.meta()))
                .bind("a", r.accountId())
                .bind("id", r.id())
                .execute();
    }

    public void insertVersion(Handle h, String accountId, String reviewId, Version v) {
        h.createUpdate("""
                        INSERT INTO versions (account_id, review_id, id, seq, parent_id, origin, author, note, snapshot, created_at)
                        VALUES (:a, :review, :id, :seq, :parent, :origin, :author, :note, :snapshot, :created)""")
                .bind("a", accountId)
                .bind("review", reviewId)
                .bind("id", v.id())
                .bind("seq", v.seq())
                .bind("parent", v.parentId())
                .bind("origin", v.origin().wire())
                .bind("author", Json.write(v.author().toJson()))
                .bind("note", v.note())
                .bind("snapshot", Json.write(v.snapshot()))
                .bind("created", v.createdAt())
                .execute();
    }

    public void insertInstruction(Handle h, String accountId, String reviewId, Instruction i) {
        h.createUpdate("""
                        INSERT INTO instructions (account_id, review_id, round, field_id, type, text, version_id, author, via,
                                                  created_at)
                        VALUES (:a, :review, :round, :field, :type, :text, :version, :author, :via, :created)""")
                .bind("via", i.via().wire())
                .bind("a", accountId)
                .bind("review", reviewId)
                .bind("round", i.round())
                .bind("field", i.fieldId())
                .bind("type", i.type().wire())
                .bind("text", i.text())
                .bind("version", i.versionId())
                .bind("author", Json.write(i.author().toJson()))
                .bind("created", i.createdAt())
                .execute();
    }

    /** The primary key on {@code (account_id, review_id)} refuses a second decision whatever the caller checked. */
    public void insertDecision(Handle h, String accountId, String reviewId, Decision d) {
        h.createUpdate("""
                        INSERT INTO decisions (account_id, review_id, verdict, version_id, reason, decided_by, via, decided_at)
                        VALUES (:a, :review, :verdict, :version, :reason, :by, :via, :at)""")
                .bind("via", d.via().wire())
                .bind("a", accountId)
                .bind("review", reviewId)
                .bind("verdict", d.verdict().wire())
                .bind("version", d.versionId())
                .bind("reason", d.reason())
                .bind("by", Json.write(d.decidedBy().toJson()))
                .bind("at", d.decidedAt())
                .execute();
    }

    private List<Version> versions(Handle h, String accountId, String reviewId) {
        return h.createQuery("""
                        SELECT id, seq, parent_id, origin, author, note, snapshot, created_at FROM versions
                        WHERE account_id = :a AND review_id = :review ORDER BY seq""")
                .bind("a", accountId)
                .bind("review", reviewId)
                .map((rs, ctx) -> new Version(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Origin.fromWire(rs.getString(4)).orElseThrow(),
                        actor(rs.getString(5)),
                        rs.getString(6),
                        Json.parse(rs.getString(7)),
                        rs.getLong(8)))
                .list();
    }

    private List<Instruction> instructions(Handle h, String accountId, String reviewId) {
        return h.createQuery("""
                        SELECT round, field_id, type, text, version_id, author, via, created_at FROM instructions
                        WHERE account_id = :a AND review_id = :review ORDER BY round, created_at, field_id""")
                .bind("a", accountId)
                .bind("review", reviewId)
                .map((rs, ctx) -> new Instruction(
                        rs.getInt(1),
                        rs.getString(2),
                        InstructionType.fromWire(rs.getString(3)).orElseThrow(),
                        rs.getString(4),
                        rs.getString(5),
                        actor(rs.getString(6)),
                        Via.fromWire(rs.getString(7)).orElse(Via.API),
                        rs.getLong(8)))
                .list();
    }

    /**
     * Records an approval vote. The key {@code (review, version, decider)} refuses a second vote by
     * the same decider on the same version, whatever the caller checked.
     */
    public void insertVote(Handle h, String accountId, String reviewId, Vote v) {
        h.createUpdate("""
                        INSERT INTO votes (account_id, review_id, version_id, decider_id, decided_by, via, voted_at)
                        VALUES (:a, :review, :version, :decider, :by, :via, :at)""")
                .bind("a", accountId)
                .bind("review", reviewId)
                .bind("version", v.versionId())
                .bind("decider", v.decidedBy().id())
                .bind("by", Json.write(v.decidedBy().toJson()))
                .bind("via", v.via().wire())
                .bind("at", v.votedAt())
                .execute();
    }

    private List<Vote> votes(Handle h, String accountId, String reviewId) {
        return h.createQuery("""
                        SELECT version_id, decided_by, via, voted_at FROM votes
                        WHERE account_id = :a AND review_id = :review ORDER BY voted_at, decider_id""")
                .bind("a", accountId)
                .bind("review", reviewId)
                .map((rs, ctx) -> new Vote(
                        rs.getString(1),
                        actor(rs.getString(2)),
                        Via.fromWire(rs.getString(3)).orElse(Via.API),
                        rs.getLong(4)))
                .list();
    }

    private Optional<Decision> decision(Handle h, String accountId, String reviewId) {
        return h.createQuery("""
                        SELECT verdict, version_id, reason, decided_by, via, decided_at FROM decisions
                        WHERE account_id = :a AND review_id = :review""")
                .bind("a", accountId)
                .bind("review", reviewId)
                .map((rs, ctx) -> new Decision(
                        Verdict.fromWire(rs.getString(1)).orElseThrow(),
                        rs.getString(2),
                        rs.getString(3),
                        actor(rs.getString(4)),
                        Via.fromWire(rs.getString(5)).orElse(Via.API),
                        rs.getLong(6)))
                .findOne();
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
