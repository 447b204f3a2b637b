package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Assignment to users and groups, and the queue filtered by either. */
class WorkAssignmentTest {

    private Reviewgate rg;
    private PeopleAndWork work;
    private String form;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        work = new PeopleAndWork(rg);
        form = work.form();
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    @Test
    void aReviewAssignedToAGroupIsListedForThatGroup() {
        User dana = work.reviewer("dana");
        Group billing = work.group(dana.email());
        ReviewRequestResponse assigned = work.review(form, "Invoice run").sendRequest();
        work.review(form, "Someone else's").sendRequest();

        Review review = rg.work().assign(assigned.reviewId(), Assignees.groups(billing.id()));

        assertThat(review.assignedToGroups()).containsExactly(billing.id());
        assertThat(rg.reviews().list(ListParams.open().assignee(billing.id())).stream()
                        .map(ReviewSummary::id))
                .containsExactly(assigned.reviewId());
    }

    @Test
    void assigningAddsAndReplacingReplaces() {
        User dana = work.reviewer("dana");
        User sam = work.reviewer("sam");
        Group team = work.group(dana.email(), sam.email());
        ReviewRequestResponse sent =
                work.review(form, "Post").assignToUsers(List.of(dana.email())).sendRequest();
        ReviewAddress address = ReviewAddress.byId(sent.reviewId());

        Review added = rg.work().assign(address, Assignees.groups(team.id()).and(Assignees.users(sam.email())));
        assertThat(added.assignedTo()).containsExactly(dana.email(), sam.email());
        assertThat(added.assignedToGroups()).containsExactly(team.id());

        Review replaced = rg.work().replaceAssignees(address, Assignees.users(sam.email()));
        assertThat(replaced.assignedTo()).containsExactly(sam.email());
        assertThat(replaced.assignedToGroups()).isEmpty();
        assertThat(rg.reviews().list(ListParams.open().assignee(team.id())).stream())
                .noneMatch(r -> r.id().equals(sent.reviewId()));
        assertThat(rg.reviews().list(ListParams.open().assignee(sam.email())).stream()
                        .map(ReviewSummary::id))
                .containsExactly(sent.reviewId());

        assertThat(rg.work().replaceAssignees(address, Assignees.none()).assignedTo())
                .isEmpty();
    }

    @Test
    void anUnknownUserOrGroupIsAValidationExceptionPointingAtIt() {
        User dana = work.reviewer("dana");
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();

        assertThatThrownBy(() -> rg.work()
                        .assign(
                                sent.reviewId(),
                                Assignees.users(dana.email(), "nobody@example.com")
                                        .and(Assignees.groups("no-such-group"))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.pointers()).containsExactlyInAnyOrder("/assignTo/1", "/assignToGroups/0"));
        assertThat(rg.reviews().get(sent.reviewId()).assignedTo()).isEmpty();
    }

    @Test
    void aGroupAssignedAtCreationIsShownAndFilterable() {
        User dana = work.reviewer("dana");
        Group team = work.group(dana.email());
        ReviewRequestResponse sent =
                work.review(form, "Post").assignToGroups(List.of(team.id())).sendRequest();

        assertThat(rg.reviews().get(sent.reviewId()).assignedToGroups()).containsExactly(team.id());
        assertThat(rg.reviews().list(ListParams.open().formId(form).assignee(team.id())).stream()
                        .map(ReviewSummary::id))
                .containsExactly(sent.reviewId());
    }
}
