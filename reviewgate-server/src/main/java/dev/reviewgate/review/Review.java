package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.routing.Assignees;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One gate: its fixed header, the caller's labels, the state each change moves on, its history
 * (versions, instructions, votes, at most one decision) and the human side of the work (claim,
 * deadline, reminders). Questions about the history alone (what was edited, which instructions)
 * are {@link ReviewHistory}'s. Immutable; the named transitions return the review after a change, each
 * advancing the event sequence by one, and the rules classes decide which change is allowed.
 */
public record Review(
        ReviewHeader header, ReviewLabels labels, ReviewState state, ReviewHistory history, ReviewWork work) {

    /**
     * A new review on its first version: pending, its first event (created) numbered 1. A review
     * the policy did not flag is not awaiting anyone.
     */
    public static Review open(
            ReviewHeader header, ReviewLabels labels, Version first, boolean awaiting, ReviewWork work) {
        long now = header.createdAt();
        return new Review(
                header,
                labels,
                new ReviewState(ReviewStatus.PENDING, first.id(), 0, awaiting ? now : null, 1, now),
                new ReviewHistory(List.of(first), List.of(), List.of(), null),
                work);
    }

    /** A new version at the head (an edit). */
    public Review withVersion(Version version, long now) {
        return new Review(
                header,
                labels,
                state.next(status(), version.id(), round(), awaitingSince(), now),
                history.plusVersion(version),
                work);
    }

    /** A new round of instructions on the head: the review waits for the agent (rule 10). */
    public Review withInstructions(List<Instruction> round, long now) {
        // Ordered as a later read orders them: by round, then field.
        List<Instruction> sorted = round.stream()
                .sorted(Comparator.comparing(Instruction::fieldId))
                .toList();
        return new Review(
                header,
                labels,
                state.next(ReviewStatus.CHANGES_REQUESTED, headVersionId(), round() + 1, awaitingSince(), now),
                history.plusInstructions(sorted),
                work);
    }

    /**
     * The agent's update (rule 11): back to pending on {@code head}, with the version it added if
     * the output was new, and the labels it carried.
     */
    public Review withUpdate(Optional<Version> added, String head, ReviewLabels newLabels, long now) {
        return new Review(
                header,
                newLabels,
                state.next(ReviewStatus.PENDING, head, round(), now, now),
                added.map(history::plusVersion).orElse(history),
                work);
    }

    /** The one terminal decision. */
    public Review withDecision(Decision decision, long now) {
        ReviewStatus status = decision.verdict() == Verdict.APPROVED ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
        return new Review(
                header,
                labels,
                state.next(status, headVersionId(), round(), awaitingSince(), now),
                history.withDecision(decision),
                work);
    }

    /**
     * The review as it stood after its event number {@code sequence}: the policy's approval is
     * event 2, and the created event before it must carry sequence 1.
     */
    static Review withSequence(Review r, long sequence) {
        ReviewState s = r.state();
        return new Review(
                r.header(),
                r.labels(),
                new ReviewState(s.status(), s.headVersionId(), s.round(), s.awaitingSince(), sequence, s.updatedAt()),
                r.history(),
                r.work());
    }

    /** Another assignment (assign, or an escalation's additions). */
    public Review withAssignees(Assignees assignees, long now) {
        return new Review(header, labels.withAssignees(assignees), touched(now), history, work);
    }

    /** A claim taken, renewed or (null) released. */
    public Review withClaim(Claim claim, long now) {
        return new Review(header, labels, touched(now), history, work.withClaim(claim));
    }

    /** A recorded approval vote toward the quorum. */
    public Review withVote(Vote vote, long now) {
        return new Review(header, labels, touched(now), history.plusVote(vote), work);
    }

    /** The human side changed: a reminder went out, the deadline moved or passed, an escalation. */
    public Review withWork(ReviewWork newWork, long now) {
        return new Review(header, labels, touched(now), history, newWork);
    }

    /**
     * The deadline moved ({@code POST …/deadline}): no event announces it, so the sequence stays;
     * {@code updatedAt} moves so that waiters on other instances look again.
     */
    public Review rescheduled(ReviewWork newWork, long now) {
        ReviewState s = new ReviewState(status(), headVersionId(), round(), awaitingSince(), eventSeq(), now);
        return new Review(header, labels, s, history, newWork);
    }

    private ReviewState touched(long now) {
        return state.next(status(), headVersionId(), round(), awaitingSince(), now);
    }

    /** The votes toward the quorum on {@code versionId}: a new version voids the earlier ones for it. */
    public List<Vote> votesOn(String versionId) {
        return votes().stream().filter(v -> v.versionId().equals(versionId)).toList();
    }

    public List<Vote> votes() {
        return history.votes();
    }

    public int priority() {
        return labels.priority();
    }

    public Assignees assignees() {
        return labels.assignees();
    }

    /** The live claim at {@code now}, or null. */
    public Claim liveClaim(long now) {
        return work.liveClaim(now);
    }

    public Long dueAt() {
        return work.dueAt();
    }

    public Optional<Version> version(String versionId) {
        return versions().stream().filter(v -> v.id().equals(versionId)).findFirst();
    }

    public Version head() {
        return version(headVersionId()).orElseThrow();
    }

    /** The version the latest round of instructions was given on, if any. */
    public Optional<String> lastInstructedVersionId() {
        return instructions().stream()
                .filter(i -> i.round() == round())
                .map(Instruction::versionId)
                .findFirst();
    }

    public boolean isDecided() {
        return decision() != null;
    }

    public String accountId() {
        return header.accountId();
    }

    public String id() {
        return header.id();
    }

    public String formId() {
        return header.form().id();
    }

    public int formRevision() {
        return header.form().revision();
    }

    public String formName() {
        return header.form().name();
    }

    public String workflowId() {
        return header.address().workflowId();
    }

    public String runId() {
        return header.address().runId();
    }

    public String blockId() {
        return header.address().blockId();
    }

    public List<String> visibleFields() {
        return header.visibleFields();
    }

    public JsonNode triggeredBy() {
        return header.triggeredBy();
    }

    public String webhookUrl() {
        return header.webhookUrl();
    }

    public long createdAt() {
        return header.createdAt();
    }

    public String title() {
        return labels.title();
    }

    public JsonNode meta() {
        return labels.meta();
    }

    public List<String> assignedTo() {
        return labels.assignees().users();
    }

    public List<String> assignedGroups() {
        return labels.assignees().groups();
    }

    public ReviewStatus status() {
        return state.status();
    }

    public String headVersionId() {
        return state.headVersionId();
    }

    public int round() {
        return state.round();
    }

    public Long awaitingSince() {
        return state.awaitingSince();
    }

    public long eventSeq() {
        return state.eventSeq();
    }

    public long updatedAt() {
        return state.updatedAt();
    }

    public List<Version> versions() {
        return history.versions();
    }

    public List<Instruction> instructions() {
        return history.instructions();
    }

    public Decision decision() {
        return history.decision();
    }
}
