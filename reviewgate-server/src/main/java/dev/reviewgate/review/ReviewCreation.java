package dev.reviewgate.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.db.Database;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.event.EventType;
import dev.reviewgate.form.Field;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.form.FormRepository;
import dev.reviewgate.form.ReviewDefaults;
import dev.reviewgate.form.SnapshotValidator;
import dev.reviewgate.json.CanonicalJson;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.net.SsrfGuard;
import dev.reviewgate.policy.PolicyEvaluator;
import dev.reviewgate.policy.PolicyInput;
import dev.reviewgate.policy.PolicyParser;
import dev.reviewgate.policy.Predicate;
import dev.reviewgate.routing.RoutingRepository;
import dev.reviewgate.wait.ChangeSignals;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Opens reviews ({@code POST /v1/reviews}) and applies the agent's updates to them
 * ({@code updateForReviewId}, rule 11). The form's review policy decides at creation whether a
 * human must look; if not, the policy approves the output at once.
 */
public final class ReviewCreation {

    /** What {@code POST /v1/reviews} answers. */
    public record Result(Review review, String versionId, boolean created) {}

    private final Database database;
    private final ReviewRepository reviews;
    private final AssigneeRepository assigneeRows;
    private final FormRepository forms;
    private final Outbox outbox;
    private final ChangeSignals<Review> signals;
    private final SsrfGuard guard;
    private final CreationRouting routing;
    private final ReviewTimers timers;
    private final Ids ids;
    private final InstantSource clock;

    public ReviewCreation(
            Database database,
            ReviewRepository reviews,
            AssigneeRepository assigneeRows,
            FormRepository forms,
            Outbox outbox,
            ChangeSignals<Review> signals,
            SsrfGuard guard,
            RoutingRepository routing,
            ReviewTimers timers,
            Ids ids,
            InstantSource clock) {
        this.database = database;
        this.reviews = reviews;
        this.assigneeRows = assigneeRows;
        this.forms = forms;
        this.outbox = outbox;
        this.signals = signals;
        this.guard = guard;
        this.routing = new CreationRouting(routing);
        this.timers = timers;
        this.ids = ids;
        this.clock = clock;
    }

    public Result submit(Principal principal, ReviewRequests.Create request) {
        if (request.updateForReviewId() == null) {
            Result result = create(principal, request);
            ReviewSignals.created(signals, result.review());
            return result;
        }
        Result result = update(principal, request);
        ReviewSignals.changed(signals, result.review());
        return result;
    }

    private Result create(Principal principal, ReviewRequests.Create req) {
        String account = principal.accountId();
        if (req.webhookUrl() != null) {
            Problem.throwIfAny(guard.checkUrl(req.webhookUrl(), "/webhookUrl"));
        }
        // Hashed before the transaction: on SQLite everything inside it holds the one writer's turn.
        String versionId = CanonicalJson.versionId(req.fields());
        try {
            return database.write(h -> {
                FormRepository.StoredForm form = forms.currentForCreate(h, account, req.formId())
                        .orElseThrow(() -> Problem.invalid("/formId", "no form " + req.formId()));
                Predicate policy = form.definition().reviewPolicy().predicate();
                boolean validationFailed = checkModelOutput(form.definition(), req.fields(), policy);
                if (req.runId() != null) {
                    reviews.idByRun(h, account, req.runId(), req.blockId()).ifPresent(id -> {
                        throw runTaken(id, req);
                    });
                }
                Optional<Predicate> trigger = PolicyEvaluator.evaluate(
                        policy,
                        new PolicyInput(
                                req.fields(), req.signals(), validationFailed, requiredFieldIds(form.definition())));
                return insert(h, principal, req, form, trigger, versionId);
            });
        } catch (RuntimeException e) {
            if (req.runId() != null && Database.isUniqueViolation(e)) {
                String existing = database.read(h -> reviews.idByRun(h, account, req.runId(), req.blockId()))
                        .orElseThrow();
                throw runTaken(existing, req);
            }
            throw e;
        }
    }

    private Result insert(
            Handle h,
            Principal principal,
            ReviewRequests.Create req,
            FormRepository.StoredForm form,
            Optional<Predicate> trigger,
            String versionId) {
        long now = clock.millis();
        String account = principal.accountId();
        ReviewDefaults defaults = form.definition().defaults();
        ReviewLabels labels = req.labels().withAssignees(routing.assignees(h, account, req, defaults));
        ReviewWork work = routing.work(h, account, req, defaults, now);
        List<String> visible = new ArrayList<>();
        req.fields().fieldNames().forEachRemaining(visible::add);
        ReviewHeader header = new ReviewHeader(
                account,
                ids.next("rev"),
                new ReviewHeader.FormPin(
                        form.definition().id(),
                        form.revision(),
                        form.definition().name()),
                req.address(),
                List.copyOf(visible),
                trigger.map(PolicyParser::toJson).orElse(null),
                req.webhookUrl() != null ? req.webhookUrl() : form.definition().webhookUrl(),
                now);
        Version version = new Version(versionId, 1, null, Origin.MODEL_OUTPUT, req.author(), null, req.fields(), now);
        Review created = Review.open(header, labels, version, trigger.isPresent(), work);
        if (trigger.isEmpty()) {
            created = created.withDecision(
                    new Decision(Verdict.APPROVED, versionId, null, Actor.REVIEW_POLICY, Via.POLICY, now), now);
        }
        reviews.insertHeader(h, created);
        reviews.insertVersion(h, account, created.id(), version);
        if (created.isDecided()) {
            reviews.insertDecision(h, account, created.id(), created.decision());
        } else {
            timers.sync(h, created);
        }
        // Sequence 1 always announces the review (as it is once created); the policy's verdict is 2.
        Review announced = created.isDecided() ? Review.withSequence(created, 1) : created;
        outbox.emit(h, announced, EventType.CREATED, new Outbox.Change(req.author(), principal.via(), versionId, now));
        if (created.isDecided()) {
            outbox.emit(
                    h, created, EventType.APPROVED, new Outbox.Change(Actor.REVIEW_POLICY, Via.POLICY, versionId, now));
        }
        return new Result(created, versionId, true);
    }

    private Result update(Principal principal, ReviewRequests.Create req) {
        String account = principal.accountId();
        return database.write(h -> {
            String id = req.updateForReviewId();
            Review review = reviews.lockAndLoad(h, account, id).orElseThrow(() -> Problem.notFound("No review " + id));
            ReviewCommands.requireOpen(review);
            checkSameGate(review, req);
            FormDefinition form = forms.pinned(h, account, review.formId(), review.formRevision());
            Predicate policy = form.reviewPolicy().predicate();
            checkModelOutput(form, req.fields(), policy);
            Problem.throwIfAny(hiddenFields(review, req.fields(), "/fields"));
            VersionRules.Append append = VersionRules.update(review, req.fields());
            long now = clock.millis();
            Optional<Version> added = Optional.empty();
            if (append.created()) {
                added = Optional.of(new Version(
                        append.versionId(),
                        review.versions().size() + 1L,
                        append.parentId(),
                        Origin.MODEL_OUTPUT,
                        req.author(),
                        null,
                        req.fields(),
                        now));
                reviews.insertVersion(h, account, id, added.get());
            }
            ReviewLabels labels = review.labels()
                    .withTitleAndMeta(
                            req.titleGiven() ? req.labels().title() : review.title(),
                            req.metaGiven() ? req.labels().meta() : review.meta());
            if (req.assigns()) {
                labels = labels.withAssignees(routing.requested(h, account, req));
            }
            Review updated = review.withUpdate(added, append.versionId(), labels, now);
            if (req.metaGiven() || req.titleGiven()) {
                reviews.updateLabels(h, updated);
            }
            if (req.assigns()) {
                assigneeRows.update(h, updated);
            }
            reviews.updateState(h, updated);
            outbox.emit(
                    h,
                    updated,
                    EventType.UPDATED,
                    new Outbox.Change(req.author(), principal.via(), append.versionId(), now));
            return new Result(updated, append.versionId(), false);
        });
    }

    /**
     * Shape problems are always a 422. Schema-constraint problems are too, unless the policy asks
     * for {@code validation_failed}: then the output is exactly what a human should look at.
     */
    private static boolean checkModelOutput(FormDefinition form, JsonNode fields, Predicate policy) {
        SnapshotValidator.Result result = SnapshotValidator.check(form, fields, "/fields");
        Problem.throwIfAny(result.shape());
        if (result.schema().isEmpty()) {
            return false;
        }
        if (!PolicyEvaluator.mentionsValidationFailed(policy)) {
            throw Problem.invalid(result.schema());
        }
        return true;
    }

    static List<Violation> hiddenFields(Review review, JsonNode snapshot, String pointer) {
        List<Violation> errors = new ArrayList<>();
        snapshot.fieldNames().forEachRemaining(name -> {
            if (!review.visibleFields().contains(name)) {
                errors.add(Violation.at(
                        pointer,
                        name,
                        "field " + name + " was not sent at creation, so it is not part of this review"));
            }
        });
        return errors;
    }

    private static void checkSameGate(Review review, ReviewRequests.Create req) {
        List<Violation> errors = new ArrayList<>();
        if (!review.formId().equals(req.formId())) {
            errors.add(new Violation("/formId", "review " + review.id() + " is for form " + review.formId()));
        }
        if (req.runId() != null
                && !(req.runId().equals(review.runId()) && req.blockId().equals(review.blockId()))) {
            errors.add(new Violation("/runId", "review " + review.id() + " gates another (runId, blockId)"));
        }
        Problem.throwIfAny(errors);
    }

    private static Set<String> requiredFieldIds(FormDefinition form) {
        return form.fields().stream().filter(Field::required).map(Field::id).collect(Collectors.toSet());
    }

    private static Problem runTaken(String existingId, ReviewRequests.Create req) {
        return Problem.conflict(
                        "A review already gates run " + req.runId() + " block " + req.blockId() + ": " + existingId)
                .with("reviewId", existingId);
    }
}
