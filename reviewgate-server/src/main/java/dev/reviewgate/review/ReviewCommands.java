package dev.reviewgate.review;

import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.event.EventType;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.SnapshotValidator;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.wait.ChangeSignals;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Changes to an existing review: edits (new versions), instructions and decisions (with quorum
 * votes). Each runs in one transaction that first takes the review's row, then reads it, applies
 * the rules and writes the change and its event, so concurrent callers see each other's result and
 * exactly one decision wins.
 */
public final class ReviewCommands {

    /** What appending a version answers. */
    public record Appended(Review review, String versionId, boolean created) {}

    /** What an approve or reject answered: {@code applied}, {@code already_applied} or {@code recorded}. */
    public enum Submission {
        APPLIED("applied"),
        ALREADY_APPLIED("already_applied"),
        /** An approval vote toward a quorum that is not yet complete. */
        RECORDED("recorded");

        private final String wire;

        Submission(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** What a decision answers, and the review after it. */
    public record Decided(Review review, Submission submission) {}

    private final Database database;
    private final ReviewRepository reviews;
    private final VoteRepository voteRows;
    private final FormRepository forms;
    private final Outbox outbox;
    private final ReviewTimers timers;
    private final PersonGuard guard;
    private final ChangeSignals<Review> signals;
    private final InstantSource clock;
    private final Consumer<Review> decided;

    /** {@code decided} sees each decided review once its transaction has committed (the metrics). */
    public ReviewCommands(
            Database database,
            ReviewRepository reviews,
            VoteRepository voteRows,
            FormRepository forms,
            Outbox outbox,
            ReviewTimers timers,
            PersonGuard guard,
            ChangeSignals<Review> signals,
            InstantSource clock,
            Consumer<Review> decided) {
        this.database = database;
        this.reviews = reviews;
        this.voteRows = voteRows;
        this.forms = forms;
        this.decided = decided;
        this.outbox = outbox;
        this.timers = timers;
        this.guard = guard;
        this.signals = signals;
        this.clock = clock;
    }

    public Appended append(Principal p, ReviewAddress address, ReviewRequests.Append req) {
        Appended result = change(p, address, (h, review) -> {
            requireOpen(review);
            long now = clock.millis();
            FormDefinition form = form(h, review);
            guard.requireMayWork(h, p, review, form, now);
            Version parent = review.version(req.parentId())
                    .orElseThrow(
                            () -> Problem.invalid("/parentId", "no version " + req.parentId() + " in this review"));
            List<Violation> errors = req.origin() == Origin.HUMAN_EDIT
                    ? SnapshotValidator.validateEdit(
                            form, req.snapshot(), parent.snapshot(), new HashSet<>(review.visibleFields()), "/snapshot")
                    : plus(
                            SnapshotValidator.validate(form, req.snapshot(), "/snapshot"),
                            ReviewCreation.hiddenFields(review, req.snapshot(), "/snapshot"));
            Problem.throwIfAny(errors);
            VersionRules.Append append = VersionRules.append(review, req.snapshot(), req.parentId());
            if (!append.created()) {
                return new Appended(review, append.versionId(), false);
            }
            Version version = new Version(
                    append.versionId(),
                    review.versions().size() + 1L,
                    req.parentId(),
                    req.origin(),
                    req.author(),
                    req.note(),
                    req.snapshot(),
                    now);
            reviews.insertVersion(h, p.accountId(), review.id(), version);
            Review after = review.withVersion(version, now);
            reviews.updateState(h, after);
            outbox.emit(h, after, EventType.EDITED, new Outbox.Change(req.author(), p.via(), append.versionId(), now));
            return new Appended(after, append.versionId(), true);
        });
        ReviewSignals.changed(signals, result.review());
        return result;
    }

    public Review instruct(Principal p, ReviewAddress address, ReviewRequests.Instruct req) {
        Review result = change(p, address, (h, review) -> {
            requireOpen(review);
            long now = clock.millis();
            FormDefinition form = form(h, review);
            guard.requireMayWork(h, p, review, form, now);
            List<Instruction> round = InstructionRules.give(review, form, req.fields(), req.author(), p.via(), now);
            round.forEach(i -> reviews.insertInstruction(h, p.accountId(), review.id(), i));
            Review after = review.withInstructions(round, now);
            reviews.updateState(h, after);
            outbox.emit(
                    h,
                    after,
                    EventType.INSTRUCTIONS,
                    new Outbox.Change(req.author(), p.via(), review.headVersionId(), now));
            return after;
        });
        ReviewSignals.changed(signals, result);
        return result;
    }

    /**
     * A check a channel makes on the locked review before a decision, in the decision's transaction:
     * an e-mail action link is consumed here, so the link and the decision commit together or not at
     * all. It refuses by throwing, which rolls everything back.
     */
    @FunctionalInterface
    public interface Precondition {
        Precondition NONE = (h, review) -> {};

        void check(Handle h, Review review);
    }

    public Decided decide(Principal p, ReviewAddress address, Verdict verdict, ReviewRequests.Decide req) {
        return decide(p, address, verdict, req, Precondition.NONE);
    }

    /** {@link #decide(Principal, ReviewAddress, Verdict, ReviewRequests.Decide)} once {@code before} passes. */
    public Decided decide(
            Principal p, ReviewAddress address, Verdict verdict, ReviewRequests.Decide req, Precondition before) {
        Decided result = change(p, address, (h, review) -> {
            before.check(h, review);
            switch (DecisionRules.decide(review, verdict, req.versionId(), req.reason())) {
                case ALREADY_APPLIED -> {
                    return new Decided(review, Submission.ALREADY_APPLIED);
                }
                case CONFLICT -> throw ReviewJson.alreadyDecided(review);
                case APPLY -> {
                    // recorded below
                }
            }
            long now = clock.millis();
            FormDefinition form = form(h, review);
            guard.requireMayWork(h, p, review, form, now);
            Outbox.Change change = new Outbox.Change(req.author(), p.via(), req.versionId(), now);
            int required = form.defaults().requiredApprovals();
            if (verdict == Verdict.APPROVED && required > 1) {
                return vote(h, review, required, change);
            }
            return new Decided(apply(h, review, verdict, req.reason(), change), Submission.APPLIED);
        });
        ReviewSignals.changed(signals, result.review());
        return result;
    }

    /**
     * One approval toward a quorum of {@code required} distinct deciders on the same version. The
     * vote that completes it decides; a repeat by the same decider on the same version changes nothing.
     */
    private Decided vote(Handle h, Review review, int required, Outbox.Change change) {
        Actor decider = change.actor();
        if (!Actor.HUMAN.equals(decider.kind())) {
            throw Problem.invalid(
                    "/author", "this form needs " + required + " approvals by people: give an author of kind human");
        }
        List<Vote> votes = review.votesOn(change.versionId());
        if (votes.stream().anyMatch(v -> v.decidedBy().id().equals(decider.id()))) {
            return new Decided(review, Submission.ALREADY_APPLIED);
        }
        Vote vote = new Vote(change.versionId(), decider, change.via(), change.at());
        voteRows.insert(h, review.accountId(), review.id(), vote);
        Review voted = review.withVote(vote, change.at());
        reviews.updateState(h, voted);
        outbox.emit(h, voted, EventType.VOTED, change);
        // A new version voids earlier votes: only votes on the head can complete the quorum.
        boolean complete = change.versionId().equals(review.headVersionId())
                && voted.votesOn(change.versionId()).size() >= required;
        if (!complete) {
            return new Decided(voted, Submission.RECORDED);
        }
        return new Decided(apply(h, voted, Verdict.APPROVED, null, change), Submission.APPLIED);
    }

    /**
     * Records the one decision on a locked, open review, its event, and drops its timers. The
     * deadline's expiry decides through here too.
     */
    public Review apply(Handle h, Review review, Verdict verdict, String reason, Outbox.Change change) {
        Decision decision =
                new Decision(verdict, change.versionId(), reason, change.actor(), change.via(), change.at());
        reviews.insertDecision(h, review.accountId(), review.id(), decision);
        Review after = review.withDecision(decision, change.at());
        reviews.updateState(h, after);
        timers.sync(h, after);
        outbox.emit(h, after, verdict == Verdict.APPROVED ? EventType.APPROVED : EventType.REJECTED, change);
        h.afterCommit(() -> decided.accept(after));
        return after;
    }

    private <T> T change(Principal p, ReviewAddress address, BiFunction<Handle, Review, T> change) {
        return database.write(h -> change.apply(h, lock(h, p, address)));
    }

    /** The review at {@code address}, under its row lock when open; 404 for another account's. */
    Review lock(Handle h, Principal p, ReviewAddress address) {
        String id = address.reviewId() != null ? address.reviewId() : address.resolve(h, reviews, p.accountId());
        return reviews.lockAndLoad(h, p.accountId(), id).orElseThrow(address::notFound);
    }

    /** After a decision nothing changes: a 409 carrying the decision. */
    static void requireOpen(Review review) {
        if (review.isDecided()) {
            throw ReviewJson.alreadyDecided(review);
        }
    }

    FormDefinition form(Handle h, Review review) {
        return forms.pinned(h, review.accountId(), review.formId(), review.formRevision());
    }

    private static <T> List<T> plus(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
