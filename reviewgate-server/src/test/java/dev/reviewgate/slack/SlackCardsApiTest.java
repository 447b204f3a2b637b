package dev.reviewgate.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.notification.PreferenceRepository;
import dev.reviewgate.notification.Preferences;
import dev.reviewgate.testing.FakeSlack;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cards go where the spec says (the form's channel, an assigned group's channel, a DM to whoever
 * asked for one, found by e-mail), carry the title, form, a safe excerpt and the four buttons, and
 * are updated in place whatever channel claims or decides.
 */
class SlackCardsApiTest extends SlackTest {

    @Test
    void theFormsChannelGetsACardWithTitleFormExcerptAndTheFourButtons() {
        String id = review(form(CHANNEL, null), "Hello <!channel> & <https://evil.example|click me>", null);
        JsonNode review = now(id);

        FakeSlack.Call card = awaitCard(id);
        assertThat(card.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(card.contentType()).startsWith("application/json");
        assertThat(card.arg("channel")).isEqualTo(CHANNEL);
        JsonNode blocks = card.args().get("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo(review.path("title").asText());
        String section = blocks.get(1).path("text").path("text").asText();
        assertThat(section).contains("Review blog post");
        assertThat(section).contains("Hello &lt;!channel&gt; &amp; &lt;https://evil.example|click me&gt;");
        assertThat(section).doesNotContain("<!channel>");
        assertThat(actionIds(card.args()))
                .containsExactly(SlackBlocks.APPROVE, SlackBlocks.REJECT, SlackBlocks.CLAIM, SlackBlocks.OPEN);
        assertThat(button(card.args(), SlackBlocks.OPEN).path("url").asText())
                .isEqualTo(server.baseUrl() + "/reviews/" + id);
        CardRef ref = CardRef.decode(
                        button(card.args(), SlackBlocks.APPROVE).path("value").asText())
                .orElseThrow();
        assertThat(ref.reviewId()).isEqualTo(id);
        assertThat(ref.versionId()).isEqualTo(review.path("headVersionId").asText());
        assertThat(button(card.args(), SlackBlocks.REJECT).path("value").asText())
                .isEqualTo(button(card.args(), SlackBlocks.CLAIM).path("value").asText());
    }

    @Test
    void aDecisionByTheApiUpdatesEveryCardOfTheReview() {
        Person ann = person("reviewer");
        String group = "slack-group-" + System.nanoTime();
        assertThat(api.post(
                                "/v1/groups",
                                Map.of("id", group, "name", "Editors", "members", java.util.List.of(ann.email())))
                        .status())
                .isEqualTo(201);
        server.app()
                .database()
                .write(h -> h.createUpdate("UPDATE groups SET slack_channel = 'C0EDITORS' WHERE id = :g")
                        .bind("g", group)
                        .execute());
        String id = review(form(CHANNEL, null), "Ready", "{'assignToGroups':['" + group + "']}");
        FakeSlack.Call inForm = slack.await(
                "chat.postMessage",
                c -> CHANNEL.equals(c.arg("channel")) && c.args().toString().contains(id));
        FakeSlack.Call inGroup = slack.await(
                "chat.postMessage",
                c -> "C0EDITORS".equals(c.arg("channel")) && c.args().toString().contains(id));

        JsonNode review = now(id);
        assertThat(api.post(
                                "/v1/reviews/" + id + "/approve",
                                Map.of("versionId", review.path("headVersionId").asText()))
                        .status())
                .isEqualTo(200);

        for (FakeSlack.Call card : java.util.List.of(inForm, inGroup)) {
            FakeSlack.Call updated = awaitUpdate(card, "Approved by");
            assertThat(updated.arg("channel"))
                    .isEqualTo(card.answer().get("channel").asText());
            assertThat(stateLine(updated.args())).contains("via api");
            assertThat(actionIds(updated.args())).containsExactly(SlackBlocks.OPEN);
        }
    }

    @Test
    void aReviewerWhoAsksForSlackDmsGetsTheCardInTheirDmFoundByEmail() {
        Person ann = person("reviewer");
        Person bob = person("reviewer");
        PreferenceRepository preferences = new PreferenceRepository();
        server.app().database().write(h -> {
            preferences.save(
                    h, accountOf(ann), ann.id(), new Preferences(false, true, false), System.currentTimeMillis());
            return null;
        });
        String id = review(form(null, null), "For Ann", "{'assignTo':['" + ann.email() + "','" + bob.email() + "']}");

        FakeSlack.Call dm = slack.await(
                "chat.postMessage",
                c -> ann.slackId().equals(c.arg("channel"))
                        && c.args().toString().contains(id));
        assertThat(slack.calls("users.lookupByEmail"))
                .anyMatch(c -> ann.email().equals(c.arg("email"))
                        && c.contentType().startsWith("application/x-www-form-urlencoded"));
        assertThat(dm.answer().get("channel").asText()).startsWith("D");
        assertThat(actionIds(dm.args())).contains(SlackBlocks.APPROVE);

        // Bob keeps Slack DMs off; no shared channel is set: Ann's DM is the only card.
        assertThat(slack.calls("chat.postMessage").stream()
                        .filter(c -> c.args().toString().contains(id))
                        .count())
                .isEqualTo(1);

        // A claim through the API updates the DM card too.
        api.post(
                "/v1/reviews/" + id + "/claim",
                Map.of("author", Map.of("kind", "human", "id", ann.id(), "displayName", "Ann")));
        FakeSlack.Call updated = awaitUpdate(dm, "claimed by Ann");
        assertThat(updated.arg("channel")).isEqualTo(dm.answer().get("channel").asText());
    }

    @Test
    void aRateLimitedPostIsRetriedAfterSlacksRetryAfter() {
        slack.rateLimitOnce("chat.postMessage", 1);
        String id = review(form(CHANNEL, null), "Busy Slack", null);

        FakeSlack.Call card = awaitCard(id);
        assertThat(slack.calls("chat.postMessage").stream()
                        .filter(c -> c.args().toString().contains(id))
                        .findFirst()
                        .orElseThrow()
                        .answer()
                        .path("error")
                        .asText())
                .isEqualTo("ratelimited");
        assertThat(card.answer().path("ts").asText()).isNotEmpty();
        // The retry is the same delivery, logged for admins; the webhook API's log shows webhooks only.
        long attempts = server.app()
                .database()
                .read(h -> h.createQuery(
                                "SELECT MAX(attempts) FROM deliveries WHERE review_id = :r AND channel = 'slack'")
                        .bind("r", id)
                        .mapTo(Long.class)
                        .one());
        assertThat(attempts).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/v1/reviews/" + id + "/deliveries").body().toString())
                .doesNotContain("slack");
    }

    private String accountOf(Person p) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT account_id FROM users WHERE id = :id")
                        .bind("id", p.id())
                        .mapTo(String.class)
                        .one());
    }
}
