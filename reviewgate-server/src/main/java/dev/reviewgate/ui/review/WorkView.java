package dev.reviewgate.ui.review;

import dev.reviewgate.form.FormDefinition;
import dev.reviewgate.review.Claim;
import dev.reviewgate.review.Escalation;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.Vote;
import dev.reviewgate.routing.Assignees;
import dev.reviewgate.ui.page.Due;
import dev.reviewgate.ui.session.WebUser;
import java.util.ArrayList;
import java.util.List;

/**
 * The human side of a review as the page shows it: who holds the claim and until when, whether the
 * reader may act, priority, assignees, the deadline, escalations and the quorum's votes so far.
 *
 * @param claimHolder    the live claim's holder, or empty
 * @param claimUntil     when the live claim lapses, or empty
 * @param claimedByMe    the reader holds the live claim
 * @param claimedByOther someone else holds it: the reader's controls are disabled
 * @param mayBreak       the reader is an admin and may break another's claim
 * @param liveKey        changes whenever the claim, due time or votes do (the page's poll compares it)
 */
public record WorkView(
        String claimHolder,
        String claimUntil,
        boolean claimedByMe,
        boolean claimedByOther,
        boolean mayBreak,
        int priority,
        String assignees,
        String due,
        String dueAt,
        boolean overdue,
        List<String> escalations,
        int requiredApprovals,
        int votesOnHead,
        String voters,
        String liveKey) {

    static WorkView of(WebUser user, Review review, FormDefinition form, long now) {
        Claim claim = review.liveClaim(now);
        boolean mine = claim != null && claim.heldBy(user.principal().actor());
        List<Vote> votes = review.votesOn(review.headVersionId());
        Long dueAt = review.dueAt();
        boolean open = !review.isDecided();
        return new WorkView(
                claim == null ? "" : claim.by().displayNameOrId(),
                claim == null ? "" : Due.when(claim.expiresAt()),
                mine,
                claim != null && !mine,
                claim != null && !mine && user.isAdmin(),
                review.priority(),
                assignees(review.assignees()),
                open ? Due.text(dueAt, now) : "",
                dueAt == null ? "" : Due.when(dueAt),
                open && Due.isOverdue(dueAt, now),
                review.work().escalations().stream().map(WorkView::escalation).toList(),
                form.defaults().requiredApprovals(),
                votes.size(),
                String.join(
                        ", ",
                        votes.stream().map(v -> v.decidedBy().displayNameOrId()).toList()),
                (claim == null ? "" : claim.by().id() + "@" + claim.expiresAt()) + "/" + dueAt + "/" + votes.size());
    }

    /** "ana@example.com, ops (group)". */
    static String assignees(Assignees a) {
        List<String> out = new ArrayList<>(a.users());
        a.groups().forEach(g -> out.add(g + " (group)"));
        return String.join(", ", out);
    }

    private static String escalation(Escalation e) {
        String added = assignees(e.added());
        return Due.when(e.at()) + ": escalated" + (added.isEmpty() ? "" : " to " + added) + ", now due "
                + Due.when(e.dueAt());
    }
}
