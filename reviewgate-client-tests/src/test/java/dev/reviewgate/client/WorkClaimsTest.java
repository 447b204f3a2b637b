package dev.reviewgate.client;

import static dev.reviewgate.client.PeopleAndWork.DANA;
import static dev.reviewgate.client.PeopleAndWork.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims with leases: one holder at a time, renewed by the holder, visible in the queue, released. */
class WorkClaimsTest {

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
    void aSecondActorsClaimIsAConflictCarryingTheClaim() {
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();
        Instant before = Instant.now();

        Review claimed = rg.work().claim(ReviewAddress.byId(sent.reviewId()), DANA, Duration.ofMinutes(10));

        Claim claim = claimed.claim();
        assertThat(claim.by()).isEqualTo(DANA);
        assertThat(claim.via()).isEqualTo(Via.API);
        assertThat(claim.heldBy(DANA)).isTrue();
        assertThat(claim.expiresAt())
                .isBetween(claim.claimedAt().plusSeconds(599), claim.claimedAt().plusSeconds(601));
        assertThat(claim.claimedAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThatThrownBy(() -> rg.work().claim(sent.reviewId(), SAM))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.claim()).isEqualTo(claim);
                    assertThat(e.decision()).isNull();
                });
        assertThat(rg.reviews().get(sent.reviewId()).claim()).isEqualTo(claim);
    }

    @Test
    void theHolderRenewsTheLeaseAndReleasingLetsAnotherClaim() {
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();
        ReviewAddress address = ReviewAddress.byId(sent.reviewId());
        Claim first = rg.work().claim(address, DANA, Duration.ofSeconds(60)).claim();

        Claim renewed = rg.work().claim(address, DANA, Duration.ofHours(1)).claim();

        assertThat(renewed.claimedAt()).isEqualTo(first.claimedAt());
        assertThat(renewed.expiresAt()).isAfter(first.expiresAt().plusSeconds(3000));
        Review released = rg.work().release(address, DANA);
        assertThat(released.claim()).isNull();
        assertThat(rg.work().claim(sent.reviewId(), SAM).claim().by()).isEqualTo(SAM);
    }

    @Test
    void theQueueFiltersByClaimHolder() {
        ReviewRequestResponse mine = work.review(form, "Mine").sendRequest();
        ReviewRequestResponse theirs = work.review(form, "Theirs").sendRequest();
        work.review(form, "Nobody's").sendRequest();
        String holder = LiveServer.unique("holder");
        rg.work().claim(mine.reviewId(), Actor.human(holder, "Holder"));
        rg.work().claim(theirs.reviewId(), SAM);

        assertThat(rg.reviews().list(ListParams.open().formId(form).claimedBy(holder)).stream()
                        .map(ReviewSummary::id))
                .containsExactly(mine.reviewId());
        assertThat(rg.reviews().list(ListParams.open().formId(form)).stream()
                        .filter(r -> r.claim() != null)
                        .map(r -> r.claim().by().id()))
                .containsExactlyInAnyOrder(holder, SAM.id());
    }

    @Test
    void aLeaseOutOfRangeIsAValidationException() {
        ReviewRequestResponse sent = work.review(form, "Post").sendRequest();

        assertThatThrownBy(() -> rg.work().claim(ReviewAddress.byId(sent.reviewId()), DANA, Duration.ofDays(2)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.pointers()).containsExactly("/ttlSeconds"));
    }
}
