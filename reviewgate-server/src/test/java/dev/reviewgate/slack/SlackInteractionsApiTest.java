package dev.reviewgate.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.FakeSlack;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clicks on a card, signed as Slack signs them, claim and decide as the Reviewgate user with the
 * clicker's e-mail, with {@code via: "slack"}, and every card of the review is updated; an unsigned,
 * badly signed or stale request is a 401 and changes nothing; who cannot act is told privately.
 */
class SlackInteractionsApiTest extends SlackTest {

    @Test
    void aSignedClaimThenApproveDecideViaSlackAsTheMatchingUserAndUpdateTheCard() {
        Person ann = person("reviewer");
        String id = review(form(CHANNEL, null), "Ready to ship", null);
        FakeSlack.Call card = awaitCard(id);

        HttpResponse<String> claimed = interact(click(card, SlackBlocks.CLAIM, ann.slackId()));
        assertThat(claimed.statusCode()).isEqualTo(200);
        JsonNode claim = awaitReview(id, r -> !r.path("claim").isNull() && r.has("claim"))
                .get("claim");
        assertThat(claim.path("by").path("id").asText()).isEqualTo(ann.id());
        assertThat(claim.path("via").asText()).isEqualTo("slack");
        FakeSlack.Call claimedCard = awaitUpdate(card, "claimed by Person");
        assertThat(claimedCard.arg("channel")).isEqualTo(CHANNEL);
        assertThat(actionIds(claimedCard.args())).contains(SlackBlocks.APPROVE);

        assertThat(interact(click(card, SlackBlocks.APPROVE, ann.slackId())).statusCode())
                .isEqualTo(200);
        JsonNode decided = awaitReview(id, r -> r.path("status").asText().equals("approved"));
        assertThat(decided.path("status").asText()).isEqualTo("approved");
        assertThat(decided.path("decision").path("via").asText()).isEqualTo("slack");
        assertThat(decided.path("decision").path("decidedBy").path("id").asText())
                .isEqualTo(ann.id());
        assertThat(decided.path("decision").path("decidedBy").path("kind").asText())
                .isEqualTo("human");
        assertThat(decided.path("decision").path("versionId").asText())
                .isEqualTo(decided.path("headVersionId").asText());
        FakeSlack.Call approvedCard = awaitUpdate(card, "Approved by");
        assertThat(stateLine(approvedCard.args())).contains("via slack");
        assertThat(actionIds(approvedCard.args())).containsExactly(SlackBlocks.OPEN);
        assertThat(slack.calls("chat.postEphemeral"))
                .noneMatch(c -> ann.slackId().equals(c.arg("user")));
    }

    @Test
    void aBadSignatureOrATenMinuteOldTimestampIs401AndChangesNothing() {
        Person ann = person("reviewer");
        String id = review(form(CHANNEL, null), "Ready", null);
        FakeSlack.Call card = awaitCard(id);
        JsonNode click = click(card, SlackBlocks.APPROVE, ann.slackId());
        long now = System.currentTimeMillis() / 1000;
        int eventsBefore =
                api.get("/v1/reviews/" + id + "/events").body().path("data").size();

        HttpResponse<String> wrongSecret = interact(click, "not-the-signing-secret", now);
        HttpResponse<String> stale = interact(click, SECRET, now - 600);
        HttpResponse<String> future = interact(click, SECRET, now + 600);
        String body =
                "payload=" + java.net.URLEncoder.encode(Json.write(click), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> unsigned = post(body, Map.of());
        String ts = Long.toString(now);
        HttpResponse<String> tampered = post(
                body.replace(ann.slackId(), "U0INTRUDER"),
                Map.of(
                        "X-Slack-Request-Timestamp",
                        ts,
                        "X-Slack-Signature",
                        new com.slack.api.app_backend.SlackSignature.Generator(SECRET).generate(ts, body)));

        for (HttpResponse<String> refused : java.util.List.of(wrongSecret, stale, future, unsigned, tampered)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        // The same click, well signed, is accepted: the refusals above were for the signature alone.
        assertThat(interact(click).statusCode()).isEqualTo(200);
        awaitReview(id, r -> r.path("status").asText().equals("approved"));
        // Only the accepted click decided: one decision event after the refusals.
        long decisions = java.util.stream.StreamSupport.stream(
                        api.get("/v1/reviews/" + id + "/events")
                                .body()
                                .path("data")
                                .spliterator(),
                        false)
                .skip(eventsBefore)
                .filter(e -> e.path("event").asText().equals("review.approved"))
                .count();
        assertThat(decisions).isEqualTo(1);
    }

    @Test
    void refusedRequestsLeaveTheReviewPending() throws InterruptedException {
        Person ann = person("reviewer");
        String id = review(form(CHANNEL, null), "Ready", null);
        FakeSlack.Call card = awaitCard(id);
        JsonNode click = click(card, SlackBlocks.APPROVE, ann.slackId());
        long now = System.currentTimeMillis() / 1000;

        assertThat(interact(click, "wrong", now).statusCode()).isEqualTo(401);
        assertThat(interact(click, SECRET, now - 600).statusCode()).isEqualTo(401);
        assertThat(interact(click(card, SlackBlocks.CLAIM, ann.slackId()), SECRET, now - 600)
                        .statusCode())
                .isEqualTo(401);
        Thread.sleep(500);

        JsonNode after = now(id);
        assertThat(after.path("status").asText()).isEqualTo("pending");
        assertThat(after.path("claim").isNull() || after.path("claim").isMissingNode())
                .isTrue();
        assertThat(slack.calls("users.info")).noneMatch(c -> ann.slackId().equals(c.arg("user")));
        assertThat(slack.calls("chat.update"))
                .noneMatch(c -> card.answer().get("ts").asText().equals(c.arg("ts")));
    }

    @Test
    void rejectOpensAModalAndItsSubmissionRejectsWithTheReason() {
        Person ann = person("reviewer");
        String id = review(form(CHANNEL, null), "Not quite", null);
        FakeSlack.Call card = awaitCard(id);

        assertThat(interact(click(card, SlackBlocks.REJECT, ann.slackId())).statusCode())
                .isEqualTo(200);
        FakeSlack.Call opened =
                slack.await("views.open", c -> c.args().toString().contains(id));
        assertThat(opened.arg("trigger_id")).isEqualTo("13345224609.738474920.8088930838d88f008e0");
        JsonNode view = opened.args().get("view");
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("callback_id").asText()).isEqualTo(SlackBlocks.REJECT_MODAL);
        assertThat(now(id).path("status").asText()).isEqualTo("pending");

        HttpResponse<String> empty = interact(submitReject(view, ann.slackId(), "   "));
        assertThat(empty.statusCode()).isEqualTo(200);
        JsonNode errors = Json.parse(empty.body());
        assertThat(errors.path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.path("errors").path(SlackBlocks.REASON_BLOCK).asText())
                .contains("Say why");
        assertThat(now(id).path("status").asText()).isEqualTo("pending");

        HttpResponse<String> submitted = interact(submitReject(view, ann.slackId(), "The intro repeats itself."));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).isEmpty();
        JsonNode rejected = awaitReview(id, r -> r.path("status").asText().equals("rejected"));
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("decision").path("reason").asText()).isEqualTo("The intro repeats itself.");
        assertThat(rejected.path("decision").path("via").asText()).isEqualTo("slack");
        assertThat(rejected.path("decision").path("decidedBy").path("id").asText())
                .isEqualTo(ann.id());
        FakeSlack.Call update = awaitUpdate(card, "Rejected by");
        assertThat(stateLine(update.args())).contains("The intro repeats itself.");
        assertThat(actionIds(update.args())).containsExactly(SlackBlocks.OPEN);
    }

    @Test
    void aSlackUserWithNoReviewgateUserIsToldPrivatelyAndNothingChanges() throws InterruptedException {
        String id = review(form(CHANNEL, null), "Ready", null);
        FakeSlack.Call card = awaitCard(id);
        slack.addUser("U0STRANGER", "stranger@elsewhere.example");

        assertThat(interact(click(card, SlackBlocks.APPROVE, "U0STRANGER")).statusCode())
                .isEqualTo(200);
        FakeSlack.Call told = slack.await("chat.postEphemeral", c -> "U0STRANGER".equals(c.arg("user")));
        assertThat(told.arg("channel")).isEqualTo(CHANNEL);
        assertThat(told.arg("text")).contains("no active user with your Slack e-mail");
        assertThat(interact(click(card, SlackBlocks.CLAIM, "U0UNKNOWN")).statusCode())
                .isEqualTo(200);
        slack.await("chat.postEphemeral", c -> "U0UNKNOWN".equals(c.arg("user")));
        Thread.sleep(300);

        JsonNode after = now(id);
        assertThat(after.path("status").asText()).isEqualTo("pending");
        assertThat(after.path("claim").isNull() || after.path("claim").isMissingNode())
                .isTrue();
    }

    @Test
    void whoTheFormDoesNotLetActOrWhoMeetsAnothersClaimIsToldPrivatelyAndNothingChanges() {
        Person ann = person("reviewer");
        Person bob = person("reviewer");
        String formId = form(CHANNEL, "{'routing':{'reviewers':'assigned'}}");
        String id = review(formId, "Ready", "{'assignTo':['" + ann.email() + "']}");
        FakeSlack.Call card = awaitCard(id);

        interact(click(card, SlackBlocks.APPROVE, bob.slackId()));
        FakeSlack.Call notAssigned =
                slack.await("chat.postEphemeral", c -> bob.slackId().equals(c.arg("user")));
        assertThat(notAssigned.arg("text")).contains("Only the reviewers assigned");

        api.post(
                "/v1/reviews/" + id + "/claim",
                Map.of("author", Map.of("kind", "human", "id", "someone-else", "displayName", "Someone Else")));
        interact(click(card, SlackBlocks.APPROVE, ann.slackId()));
        FakeSlack.Call claimed =
                slack.await("chat.postEphemeral", c -> ann.slackId().equals(c.arg("user")));
        assertThat(claimed.arg("text")).contains("claimed by Someone Else");
        assertThat(now(id).path("status").asText()).isEqualTo("pending");
    }
}
