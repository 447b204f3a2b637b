package dev.reviewgate.review;

import dev.reviewgate.auth.Principal;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.event.EventType;
import dev.reviewgate.event.Outbox;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.SnapshotValidator;
import dev.reviewgate.wait.ChangeSignals;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * Changes to an existing review: edits (new versions), instructions and decisions. Each runs in one
 * transaction that first takes the review's row, then reads it, applies the rules and writes the
 * change and its event, so concurrent callers see each other's result and exactly one decision wins.
 */
public final class ReviewCommands {

    /** What appending a version answers. */
    public record Appended(Review review, String versionId, boolean created) {
    }

    /** What a decision answers: {@code applied} or {@code already_applied}, and the review. */
    public record Decided(Review review, boolean applied) {
    }

    private final Database database;
    private final ReviewRepository reviews;
    private final FormRepository forms;
    private final Outbox outbox;
    private final ChangeSignals signals;
    private final InstantSource clock;

    public ReviewCommands(Database database, ReviewRepository reviews, FormRepository forms, Outbox outbox,
                          ChangeSignals signals, InstantSource clock) {
        this.database = database;
        this.reviews = reviews;
        this.forms = forms;
        this.outbox = outbox;
        this.signals = signals;
        this.clock = clock;
    }

    public Appended append(Principal p, ReviewAddress address, ReviewRequests.Append req) {
        Appended result = change(p, address, (h, review) -> {
            VersionRules.requireOpen(review);
            FormDefinition form = form(h, review);
            Version parent = review.version(req.parentId())
                    .orElseThrow(() -> Problem.invalid("/parentId", "no version " + req.parentId() + " in this review"));
            List<Violation> errors = req.origin() == Origin.HUMAN_EDIT
                    ? SnapshotValidator.validateEdit(form, req.snapshot(), parent.snapshot(),
                    new HashSet<>(review.visibleFields()), "/snapshot")
                    : concat(SnapshotValidator.validate(form, req.snapshot(), "/snapshot"),
                    ReviewCreation.hiddenFields(review, req.snapshot(), "/snapshot"));
            Problem.throwIfAny(errors);
            VersionRules.Append append = VersionRules.append(review, req.snapshot(), req.parentId());
            if (!append.created()) {
                return new Appended(review, append.versionId(), false);
            }
            long now = clock.millis();
            reviews.insertVersion(h, p.accountId(), review.id(), new Version(append.versionId(),
                    review.versions().size() + 1L, req.parentId(), req.origin(), req.author(), req.note(),
                    req.snapshot(), now));
            reviews.updateState(h, p.accountId(), review.id(), review.status(), append.versionId(), review.round(),
                    review.eventSeq(), review.awaitingSince(), now);
            Review after = reviews.load(h, p.accountId(), review.id()).orElseThrow();
            outbox.emit(h, after, EventType.EDITED, req.author(), append.versionId(), now);
            return new Appended(after, append.versionId(), true);
        });
        signals.changed(result.review());
        return result;
    }

    public Review instruct(Principal p, ReviewAddress address, ReviewRequests.Instruct req) {
        Review result = change(p, address, (h, review) -> {
            long now = clock.millis();
            List<Instruction> round = InstructionRules.give(review, form(h, review), req.fields(), req.author(), now);
            round.forEach(i -> reviews.insertInstruction(h, p.accountId(), review.id(), i));
            reviews.updateState(h, p.accountId(), review.id(), ReviewStatus.CHANGES_REQUESTED, review.headVersionId(),
                    review.round() + 1, review.eventSeq(), review.awaitingSince(), now);
            Review after = reviews.load(h, p.accountId(), review.id()).orElseThrow();
            outbox.emit(h, after, EventType.INSTRUCTIONS, req.author(), review.headVersionId(), now);
            return after;
        });
        signals.changed(result);
        return result;
    }

    public Decided decide(Principal p, ReviewAddress address, String verdict, ReviewRequests.Decide req) {
        Decided result = change(p, address, (h, review) -> {
            if (DecisionRules.decide(review, verdict, req.versionId(), req.reason())
                    == DecisionRules.Outcome.ALREADY_APPLIED) {
                return new Decided(review, false);
            }
            long now = clock.millis();
            reviews.insertDecision(h, p.accountId(), review.id(),
                    new Decision(verdict, req.versionId(), req.reason(), req.author(), now));
            ReviewStatus status = Decision.APPROVED.equals(verdict) ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
            reviews.updateState(h, p.accountId(), review.id(), status, review.headVersionId(), review.round(),
                    review.eventSeq(), review.awaitingSince(), now);
            Review after = reviews.load(h, p.accountId(), review.id()).orElseThrow();
            outbox.emit(h, after, status == ReviewStatus.APPROVED ? EventType.APPROVED : EventType.REJECTED,
                    req.author(), req.versionId(), now);
            return new Decided(after, true);
        });
        signals.changed(result.review());
        return result;
    }

    private <T> T change(Principal p, ReviewAddress address, BiFunction<Handle, Review, T> change) {
        return database.write(h -> {
            String id = address.resolve(h, reviews, p.accountId());
            reviews.lockOpen(h, p.accountId(), id);
            return change.apply(h, reviews.load(h, p.accountId(), id).orElseThrow());
        });
    }

    private FormDefinition form(Handle h, Review review) {
        return forms.revision(h, review.accountId(), review.formId(), review.formRevision()).orElseThrow().definition();
    }

    private static List<Violation> concat(List<Violation> a, List<Violation> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
