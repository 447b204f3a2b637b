package dev.reviewgate.review;

import dev.reviewgate.error.Problem;
import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.kernel.Principal;
import dev.reviewgate.routing.Person;
import dev.reviewgate.routing.ReviewerAccess;
import dev.reviewgate.routing.RoutingRepository;
import org.jdbi.v3.core.Handle;

/**
 * What a person acting through web, e-mail, Slack or Teams must pass before they claim, edit,
 * instruct or decide: the form's {@code reviewers} rule (403) and another's live claim (409 naming
 * the holder). API keys act for the service and pass unasked.
 */
public final class PersonGuard {

    private final RoutingRepository routing;

    public PersonGuard(RoutingRepository routing) {
        this.routing = routing;
    }

    /** The person behind {@code p}, or null for a service caller. A person who is gone is refused. */
    Person person(Handle h, Principal p) {
        if (!p.isPerson()) {
            return null;
        }
        return routing.person(h, p.accountId(), p.credentialId())
                .orElseThrow(() -> Problem.forbidden("Your account is disabled."));
    }

    /** Refuses {@code p} when the form limits who may act and they are not among them. */
    void requireMayAct(Handle h, Principal p, Review review, FormDefinition form) {
        Person person = person(h, p);
        if (person != null
                && !ReviewerAccess.mayAct(form.defaults().routing().reviewers(), review.assignees(), person)) {
            throw Problem.forbidden("Only the reviewers assigned to this review, and admins, may act on it.");
        }
    }

    /** Refuses a person when someone else holds a live claim on the review. */
    static void requireNotClaimedByOther(Principal p, Review review, long now) {
        Claim claim = review.liveClaim(now);
        if (p.isPerson() && claim != null && !claim.heldBy(p.actor())) {
            throw ReviewJson.claimedByOther(claim);
        }
    }

    /** Both checks, for edits, instructions and decisions. */
    void requireMayWork(Handle h, Principal p, Review review, FormDefinition form, long now) {
        requireMayAct(h, p, review, form);
        requireNotClaimedByOther(p, review, now);
    }
}
