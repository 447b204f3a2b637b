package dev.reviewgate.review;

import dev.reviewgate.db.Dialect;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Via;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for reviews, their versions, instructions and decision. Votes and assignment have their own
 * repositories ({@link VoteRepository}, {@link AssigneeRepository}), the work columns their mapping
 * ({@link WorkColumns}). Every statement is scoped by account.
 */
public final class ReviewRepository {

    private final VoteRepository votes;
    private final AssigneeRepository assignees;
    private final Dialect dialect;

    public ReviewRepository(VoteRepository votes, AssigneeRepository assignees, Dialect dialect) {
        this.votes = votes;
        this.assignees = assignees;
        this.dialect = dialect;
    }

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
     * to one review queue up and then see each other's result (see {@link Dialect#lockForChange}).
     * A decided review is read without a lock: it can no longer change. Empty when the account has
     * no such review.
     */
    public Optional<Review> lockAndLoad(Handle h, String accountId, String id) {
        Optional<Review> open = h.createQuery("SELECT " + ReviewRows.HEADER_COLUMNS
                        + " FROM reviews WHERE account_id = :a AND id = :id AND is_open = 1"
                        + dialect.lockForChange())
                .bind("a", accountId)
                .bind("id", id)
                .map((rs, ctx) -> ReviewRows.header(rs))
                .findOne();
        return open.isPresent() ? open.map(r -> withChildren(h, r)) : load(h, accountId, id);
    }

    public Optional<Review> load(Handle h, String accountId, String id) {
        return h.createQuery("SELECT " + ReviewRows.HEADER_COLUMNS + " FROM reviews WHERE account_id = :a AND id = :id")
                .bind("a", accountId)
                .bind("id", id)
                .map((rs, ctx) -> ReviewRows.header(rs))
                .findOne()
                .map(r -> withChildren(h, r));
    }

    /**
     * The header with its children, reading only tables that can hold any: instructions always
     * open a new round ({@link InstructionRules}), so a review in round 0 has none; a decision
     * closes the review ({@link Review#withDecision}), so an open one has none.
     */
    private Review withChildren(Handle h, Review header) {
        String a = header.accountId();
        String id = header.id();
        return ReviewRows.withHistory(
                header,
                new ReviewHistory(
                        versions(h, a, id),
                        header.round() == 0 ? List.of() : instructions(h, a, id),
                        votes.list(h, a, id),
                        header.status().isOpen() ? null : decision(h, a, id).orElse(null)));
    }

    public void insertHeader(Handle h, Review r) {
        h.createUpdate("INSERT INTO reviews (" + ReviewRows.HEADER_COLUMNS + """
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
                .bind("remind", WorkColumns.remind(r.work()))
                .bindMap(WorkColumns.bindings(r.work()))
                .execute();
        assignees.insert(h, r);
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
                .bindMap(WorkColumns.bindings(r.work()))
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
                        ReviewRows.actor(rs.getString(5)),
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
                        ReviewRows.actor(rs.getString(6)),
                        Via.fromWire(rs.getString(7)).orElse(Via.API),
                        rs.getLong(8)))
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
                        ReviewRows.actor(rs.getString(4)),
                        Via.fromWire(rs.getString(5)).orElse(Via.API),
                        rs.getLong(6)))
                .findOne();
    }
}
