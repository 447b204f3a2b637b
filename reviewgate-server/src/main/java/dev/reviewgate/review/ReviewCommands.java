package dev.reviewgate.review;

import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.event.EventType;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.SnapshotValidator;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.wait.ChangeSignals;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Changes to an existing review: edits (new versions), instructions and decisions. Each runs in one
 * transaction that first takes the review's row, then reads it, applies the rules and writes the
 * change and its event, so concurrent callers see each other's result and exactly one decision wins.
 */
public final class ReviewCommands {

    /** What appending a version answers. */
    public record Appended(Review review, String versionId, boolean created) {}

    /** What a decision answers: {@code applied} or {@code already_applied}, and the review. */
    public record Decided(Review review, boolean applied) {}

    private final Database database;
    private final ReviewRepository reviews;
    private final FormRepository forms;
    private final Outbox outbox;
    private final ChangeSignals<Review> signals;
    private final InstantSource clock;

    public ReviewCommands(
            Database database,
            ReviewRepository reviews,
            FormRepository forms,
            Outbox outbox,
            ChangeSignals<Review> signals,
            InstantSource clock) {
        this.database = database;
        this.reviews = reviews;
        this.forms = forms;
        this.outbox = outbox;
        this.signals = signals;
        this.clock = clock;
    }

    public Appended append(Principal p, ReviewAddress address, ReviewRequests.Append req) {
        Appended result = change(p, address, (h, review) -> {
            requireOpen(review);
            FormDefinition form = form(h, review);
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
            long now = clock.millis();
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
            outbox.emit(h, after, after.eventSeq(), EventType.EDITED, req.author(), append.versionId(), now);
            return new Appended(after, append.versionId(), true);
        });
        ReviewSignals.changed(signals, result.review());
        return result;
    }

    public Review instruct(Principal p, ReviewAddress address, ReviewRequests.Instruct req) {
        Review result = change(p, address, (h, review) -> {
            requireOpen(review);
            long now = clock.millis();
            List<Instruction> round = InstructionRules.give(review, form(h, review), req.fields(), req.author(), now);
            round.forEach(i -> reviews.insertInstruction(h, p.accountId(), review.id(), i));
            Review after = review.withInstructions(round, now);
            reviews.updateState(h, after);
            outbox.emit(h, after, after.eventSeq(), EventType.INSTRUCTIONS, req.author(), review.headVersionId(), now);
            return after;
        });
        ReviewSignals.changed(signals, result);
        return result;
    }

    public Decided decide(Principal p, ReviewAddress address, Verdict verdict, ReviewRequests.Decide req) {
        Decided result = change(p, address, (h, review) -> {
            switch (DecisionRules.decide(review, verdict, req.versionId(), req.reason())) {
                case ALREADY_APPLIED -> {
                    return new Decided(review, false);
                }
                case CONFLICT -> throw ReviewJson.alreadyDecided(review);
                case APPLY -> {
                    // recorded below
                }
            }
            long now = clock.millis();
            Decision decision = new Decision(verdict, req.versionId(), req.reason(), req.author(), now);
            reviews.insertDecision(h, p.accountId(), review.id(), decision);
            Review after = review.withDecision(decision, now);
            reviews.updateState(h, after);
            outbox.emit(
                    h,
                    after,
                    after.eventSeq(),
                    verdict == Verdict.APPROVED ? EventType.APPROVED : EventType.REJECTED,
                    req.author(),
                    req.versionId(),
                    now);
            return new Decided(after, true);
        });
        ReviewSignals.changed(signals, result.review());
        return result;
    }

    private <T> T change(Principal p, ReviewAddress address, BiFunction<Handle, Review, T> change) {
        return database.write(h -> {
            String id = address.reviewId() != null ? address.reviewId() : address.resolve(h, reviews, p.accountId());
            return change.apply(h, reviews.lockAndLoad(h, p.accountId(), id).orElseThrow(address::notFound));
        });
    }

    /** After a decision nothing changes: a 409 carrying the decision. */
    static void requireOpen(Review review) {
        if (review.isDecided()) {
            throw ReviewJson.alreadyDecided(review);
        }
    }

    private FormDefinition form(Handle h, Review review) {
        return forms.pinned(h, review.accountId(), review.formId(), review.formRevision());
    }

    private static <T> List<T> plus(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
