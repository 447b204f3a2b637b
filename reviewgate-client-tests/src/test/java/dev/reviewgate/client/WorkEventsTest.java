package dev.reviewgate.client;

import static dev.reviewgate.client.PeopleAndWork.DANA;
import static dev.reviewgate.client.PeopleAndWork.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The events of the human side as webhooks deliver them, parsed by {@link Webhooks#verify}. */
class WorkEventsTest {

    private Reviewgate rg;
    private PeopleAndWork work;
    private Stub receiver;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        work = new PeopleAndWork(rg);
        receiver = new Stub((i, r) -> new Stub.Answer(204, Map.of(), ""));
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        rg.close();
    }

    private WebhookEvent awaitEvent(String secret, String event) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (Stub.Seen seen : receiver.seen()) {
                if (seen.body().contains("\"event\":\"" + event + "\"")) {
                    return Webhooks.verify(secret, seen.headers(), seen.body());
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "no " + event + " webhook arrived; got " + receiver.seen().size());
    }

    @Test
    void claimsReleasesAndAssignmentsArriveTypedWithTheirChannel() throws Exception {
        String form = work.form();
        User dana = work.reviewer("dana");
        WebhookEndpoint endpoint = rg.webhooks()
                .register(
                        receiver.url(),
                        List.of(WebhookEvent.CLAIMED, WebhookEvent.RELEASED, WebhookEvent.ASSIGNED),
                        form);
        ReviewRequestResponse sent = work.review(form, "Post").setPriority(80).sendRequest();

        rg.work().claim(sent.reviewId(), DANA);
        WebhookEvent claimed = awaitEvent(endpoint.secret(), WebhookEvent.CLAIMED);
        rg.work().release(sent.reviewId(), DANA);
        WebhookEvent released = awaitEvent(endpoint.secret(), WebhookEvent.RELEASED);
        rg.work().assign(sent.reviewId(), Assignees.users(dana.email()));
        WebhookEvent assigned = awaitEvent(endpoint.secret(), WebhookEvent.ASSIGNED);

        assertThat(claimed.eventType()).isEqualTo(EventType.CLAIMED);
        assertThat(claimed.via()).isEqualTo(Via.API);
        assertThat(claimed.reviewId()).isEqualTo(sent.reviewId());
        assertThat(claimed.claim().by()).isEqualTo(DANA);
        assertThat(claimed.priority()).isEqualTo(80);
        assertThat(released.eventType()).isEqualTo(EventType.RELEASED);
        assertThat(released.claim()).isNull();
        assertThat(assigned.eventType()).isEqualTo(EventType.ASSIGNED);
        assertThat(assigned.assignedTo()).containsExactly(dana.email());
        assertThat(List.of(claimed, released, assigned))
                .extracting(WebhookEvent::sequence)
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void aQuorumVoteArrivesAsVotedWithTheCount() throws Exception {
        String form = work.form(Map.of("approvals", Map.of("required", 2)));
        WebhookEndpoint endpoint =
                rg.webhooks().register(receiver.url(), List.of(WebhookEvent.VOTED, WebhookEvent.APPROVED), form);
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();

        rg.reviews().approve(ReviewAddress.byId(sent.reviewId()), sent.versionId(), DANA);
        WebhookEvent voted = awaitEvent(endpoint.secret(), WebhookEvent.VOTED);
        rg.reviews().approve(ReviewAddress.byId(sent.reviewId()), sent.versionId(), SAM);
        WebhookEvent approved = awaitEvent(endpoint.secret(), WebhookEvent.APPROVED);

        assertThat(voted.eventType()).isEqualTo(EventType.VOTED);
        assertThat(voted.votes()).isEqualTo(1);
        assertThat(voted.versionId()).isEqualTo(sent.versionId());
        assertThat(voted.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(approved.eventType()).isEqualTo(EventType.APPROVED);
        assertThat(approved.via()).isEqualTo(Via.API);
        assertThat(approved.respondingUser()).isEqualTo(SAM.displayName());
    }

    @Test
    void anEventThisVersionDoesNotKnowIsUnknown() {
        assertThat(EventType.of("review.teleported")).isEqualTo(EventType.UNKNOWN);
        assertThat(EventType.of(WebhookEvent.EXPIRED)).isEqualTo(EventType.EXPIRED);
        assertThat(EventType.of(WebhookEvent.ESCALATED)).isEqualTo(EventType.ESCALATED);
        assertThat(EventType.of(WebhookEvent.REMINDER)).isEqualTo(EventType.REMINDER);
    }
}
