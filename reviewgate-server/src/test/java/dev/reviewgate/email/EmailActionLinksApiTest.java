package dev.reviewgate.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.Fixtures;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One-time action links followed over HTTP: a link decides exactly once, as its user, through
 * {@code via: "email"}; reuse, races, newer versions and expiry leave that one decision.
 */
class EmailActionLinksApiTest extends EmailTest {

    @Test
    void openingTheApproveLinkDecidesNothingAndConfirmingDecidesOnceAsTheBoundUser() {
        Person someone = user();
        JsonNode review = reviewFor(someone.email(), "text");
        String reviewId = review.get("reviewId").asText();
        String approve = mailbox.await(someone.email(), 1).get(0).link("Approve");

        HttpResponse<String> page = get(approve);
        HttpResponse<String> again = get(approve);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm approval");
        assertThat(again.body()).contains("Confirm approval");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText())
                .isEqualTo("pending");

        HttpResponse<String> confirmed = post(approve, null);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Approved.");
        JsonNode decided = api.get("/v1/reviews/" + reviewId).body();
        assertThat(decided.get("status").asText()).isEqualTo("approved");
        assertThat(decided.at("/decision/via").asText()).isEqualTo("email");
        assertThat(decided.at("/decision/decidedBy/kind").asText()).isEqualTo("human");
        assertThat(decided.at("/decision/decidedBy/id").asText()).isEqualTo(someone.id());
        assertThat(decided.at("/decision/versionId").asText())
                .isEqualTo(review.get("versionId").asText());

        HttpResponse<String> reused = post(approve, null);
        HttpResponse<String> reopened = get(approve);

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("already used").contains("/reviews/" + reviewId);
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(reopened.body()).contains("already used").doesNotContain("Confirm approval");
        assertThat(decisions(reviewId)).isEqualTo(1);
    }

    @Test
    void aLinkConfirmedManyTimesAtOnceDecidesExactlyOnce() {
        Person someone = user();
        String reviewId = reviewFor(someone.email(), "race").get("reviewId").asText();
        String approve = mailbox.await(someone.email(), 1).get(0).link("Approve");

        List<HttpResponse<String>> answers = Concurrently.run(8, i -> post(approve, null));

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(7);
        assertThat(decisions(reviewId)).isEqualTo(1);
    }

    @Test
    void theApproveAndRejectLinksOfOneMessageDecideOnceBetweenThem() {
        Person someone = user();
        String reviewId = reviewFor(someone.email(), "both").get("reviewId").asText();
        Mailbox.Mail mail = mailbox.await(someone.email(), 1).get(0);

        List<HttpResponse<String>> answers = Concurrently.run(
                6, i -> i % 2 == 0 ? post(mail.link("Approve"), null) : post(mail.link("Reject"), "not good"));

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(decisions(reviewId)).isEqualTo(1);
    }

    @Test
    void aLinkForASupersededVersionIsVoid() {
        Person someone = user();
        JsonNode review = reviewFor(someone.email(), "first");
        String reviewId = review.get("reviewId").asText();
        String approve = mailbox.await(someone.email(), 1).get(0).link("Approve");
        Api.Response edited = api.post(
                "/v1/reviews/" + reviewId + "/versions",
                Map.of(
                        "parentId",
                        review.get("versionId").asText(),
                        "snapshot",
                        Fixtures.blogFields("second", "https://cdn.example.com/a.jpg")));
        assertThat(edited.status()).as(edited.text()).isEqualTo(201);

        HttpResponse<String> page = get(approve);
        HttpResponse<String> confirmed = post(approve, null);

        assertThat(page.body()).contains("has changed").doesNotContain("Confirm approval");
        assertThat(confirmed.statusCode()).isEqualTo(409);
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText())
                .isEqualTo("pending");
        assertThat(decisions(reviewId)).isZero();
    }

    @Test
    void theRejectLinkAsksForTheReasonAndRejectsWithIt() {
        Person someone = user();
        String reviewId = reviewFor(someone.email(), "meh").get("reviewId").asText();
        String reject = mailbox.await(someone.email(), 1).get(0).link("Reject");

        HttpResponse<String> page = get(reject);
        HttpResponse<String> withoutReason = post(reject, "  ");

        assertThat(page.body()).contains("Why do you reject it?").contains("name=\"reason\"");
        assertThat(withoutReason.statusCode()).isEqualTo(422);
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText())
                .isEqualTo("pending");

        HttpResponse<String> rejected = post(reject, "Off brand");

        assertThat(rejected.statusCode()).isEqualTo(200);
        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        assertThat(review.get("status").asText()).isEqualTo("rejected");
        assertThat(review.at("/decision/reason").asText()).isEqualTo("Off brand");
        assertThat(review.at("/decision/via").asText()).isEqualTo("email");
    }

    @Test
    void aLinkExpiresAfterItsTimeToLive() {
        Person someone = user();
        String reviewId = reviewFor(someone.email(), "late").get("reviewId").asText();
        String approve = mailbox.await(someone.email(), 1).get(0).link("Approve");

        clock.advance(Notifications.DEFAULT_ACTION_LINK_TTL.plusSeconds(1));

        assertThat(get(approve).body()).contains("expired").doesNotContain("Confirm approval");
        assertThat(post(approve, null).statusCode()).isEqualTo(409);
        assertThat(decisions(reviewId)).isZero();
    }

    @Test
    void aLinkOfAnotherKindOfTokenIsNotFoundAndChangesNothing() {
        HttpResponse<String> unknown = get(server.baseUrl() + "/a/" + "A".repeat(43));
        HttpResponse<String> malformed = post(server.baseUrl() + "/a/not-a-token", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
    }
}
