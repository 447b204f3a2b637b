package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deadlines set at creation or by the form, shown as {@code dueAt}, and moved with {@code moveDeadline}. */
class WorkDeadlineTest {

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
    void aDeadlineSetAtCreationIsTheDueTimeAndMovesWithMoveDeadline() {
        Instant at = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        ReviewRequestResponse sent =
                work.review(form, "Post").setDeadline(Deadline.at(at)).sendRequest();
        assertThat(rg.reviews().get(sent.reviewId()).dueAt()).isEqualTo(at);

        Instant before = Instant.now();
        Review moved = rg.work().moveDeadline(sent.reviewId(), Duration.ofHours(3));
        Instant after = Instant.now();

        assertThat(moved.dueAt())
                .isBetween(
                        before.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS),
                        after.plus(Duration.ofHours(3)));
        Instant later = at.plus(Duration.ofDays(1));
        assertThat(rg.work()
                        .moveDeadline(ReviewAddress.byId(sent.reviewId()), later)
                        .dueAt())
                .isEqualTo(later);
        assertThat(rg.reviews().get(sent.reviewId()).dueAt()).isEqualTo(later);
        assertThat(rg.reviews().get(sent.reviewId()).isOverdue(Instant.now())).isFalse();
    }

    @Test
    void anAfterDeadlineIsDueThatLongAfterCreation() {
        User lead = work.reviewer("lead");
        ReviewRequestResponse sent = work.review(form, "Post")
                .setDeadline(Deadline.after(Duration.ofMinutes(90)).escalate(Assignees.users(lead.email())))
                .setReminders(Reminders.repeating(Duration.ofMinutes(30), Duration.ofMinutes(20))
                        .max(2))
                .sendRequest();

        Review review = rg.reviews().get(sent.reviewId());

        assertThat(review.dueAt()).isEqualTo(review.createdAt().plus(Duration.ofMinutes(90)));
        assertThat(review.remindersSent()).isZero();
        assertThat(review.escalations()).isEmpty();
    }

    @Test
    void aFormsDefaultDeadlineAppliesToItsReviews() {
        String withDefault = work.form(Map.of("deadline", Deadline.after(Duration.ofHours(2))));
        assertThat(rg.forms().get(withDefault).deadline().path("onExpire").asText())
                .isEqualTo("reject");

        Review review =
                rg.reviews().get(work.review(withDefault, "Post").sendRequest().reviewId());

        assertThat(review.dueAt()).isEqualTo(review.createdAt().plus(Duration.ofHours(2)));
    }

    @Test
    void aDeadlineInThePastIsAValidationException() {
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();

        assertThatThrownBy(() ->
                        rg.work().moveDeadline(sent.reviewId(), Instant.now().minusSeconds(60)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.pointers()).containsExactly("/at"));
        assertThat(rg.reviews().get(sent.reviewId()).dueAt()).isNull();
    }

    @Test
    void aDecidedReviewsDeadlineCannotMove() {
        ReviewRequestResponse sent = work.review(form, "Post")
                .setDeadline(Deadline.after(Duration.ofHours(1)))
                .sendRequest();
        rg.reviews().approve(sent.reviewId(), sent.versionId());

        assertThatThrownBy(() -> rg.work().moveDeadline(sent.reviewId(), Duration.ofHours(2)))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.decision().isApproved()).isTrue());
    }
}
