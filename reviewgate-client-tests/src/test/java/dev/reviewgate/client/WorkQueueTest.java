package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's priority and due-time orders, keyset-paginated, and the filters as sent. */
class WorkQueueTest {

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
    void sortedByPriorityThePagesGoHighestFirstWithoutSkipsOrRepeats() {
        List<Integer> priorities = List.of(10, 90, 50, 70, 30, 50, 100, 0);
        for (int p : priorities) {
            work.review(form, "Priority " + p).setPriority(p).sendRequest();
        }

        List<ReviewSummary> queue =
                rg
                        .reviews()
                        .list(ListParams.open()
                                .formId(form)
                                .sort(ListParams.Sort.PRIORITY)
                                .pageSize(3))
                        .stream()
                        .toList();

        assertThat(queue).extracting(ReviewSummary::priority).containsExactly(100, 90, 70, 50, 50, 30, 10, 0);
        assertThat(queue).extracting(ReviewSummary::id).doesNotHaveDuplicates();
        List<ReviewSummary> equal =
                queue.stream().filter(r -> r.priority() == 50).toList();
        assertThat(equal.get(0).createdAt()).isBeforeOrEqualTo(equal.get(1).createdAt());
    }

    @Test
    void aReviewCreatedWithoutPriorityHasTheDefault() {
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();

        assertThat(rg.reviews().get(sent.reviewId()).priority()).isEqualTo(50);
    }

    @Test
    void sortedByDueTimeTheSoonestComeFirstAndThoseWithoutADeadlineLast() {
        String none = work.review(form, "No deadline").sendRequest().reviewId();
        String late = work.review(form, "Late")
                .setDeadline(Deadline.after(Duration.ofHours(5)))
                .sendRequest()
                .reviewId();
        String soon = work.review(form, "Soon")
                .setDeadline(Deadline.after(Duration.ofHours(1)))
                .sendRequest()
                .reviewId();
        String middle = work.review(form, "Middle")
                .setDeadline(Deadline.after(Duration.ofHours(3)))
                .sendRequest()
                .reviewId();

        assertThat(rg
                        .reviews()
                        .list(ListParams.open()
                                .formId(form)
                                .sort(ListParams.Sort.DUE_AT)
                                .pageSize(1))
                        .stream()
                        .map(ReviewSummary::id))
                .containsExactly(soon, middle, late, none);
    }

    @Test
    void theFiltersAndOrderAreSentAsTheQueryParameters() {
        try (Stub stub = new Stub((i, r) -> new Stub.Answer(200, Map.of(), "{\"data\":[],\"nextCursor\":null}"));
                Reviewgate client = Reviewgate.builder()
                        .baseUrl(stub.url())
                        .apiKey("rg_stub")
                        .build()) {
            assertThat(client.reviews()
                            .list(ListParams.open()
                                    .assignee("billing")
                                    .claimedBy("dana")
                                    .overdue(true)
                                    .sort(ListParams.Sort.DUE_AT)))
                    .isEmpty();
            assertThat(client.reviews().list()).isEmpty();

            assertThat(stub.seen())
                    .extracting(Stub.Seen::path)
                    .containsExactly(
                            "/v1/reviews?status=open&assignee=billing&claimedBy=dana&overdue=true&sort=dueAt&limit=50",
                            "/v1/reviews?status=open&limit=50");
        }
    }
}
