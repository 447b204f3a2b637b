package dev.reviewgate.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.kernel.Actor;
import dev.reviewgate.kernel.Via;
import dev.reviewgate.review.Claim;
import dev.reviewgate.review.Decision;
import dev.reviewgate.review.Origin;
import dev.reviewgate.review.Review;
import dev.reviewgate.review.ReviewHeader;
import dev.reviewgate.review.ReviewLabels;
import dev.reviewgate.review.ReviewWork;
import dev.reviewgate.review.Verdict;
import dev.reviewgate.review.Version;
import dev.reviewgate.routing.Assignees;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card built from a review: what it shows, how agent content is escaped, and which buttons it carries when. */
class SlackBlocksTest {

    private static final String URL = "https://rg.example.com/base";
    private static final Actor DANA = new Actor(Actor.HUMAN, "usr_dana", "Dana <Rivera>");

    private static Review review(String title, JsonNode snapshot) {
        return Review.open(
                new ReviewHeader(
                        "acc_1",
                        "rev_1",
                        new ReviewHeader.FormPin("blog", 1, "Blog & news"),
                        new ReviewHeader.RunAddress(null, null, null),
                        List.of(),
                        null,
                        null,
                        1),
                new ReviewLabels(title, Json.object(), Assignees.NONE, ReviewLabels.DEFAULT_PRIORITY),
                new Version(
                        "ver_1", 1, null, Origin.MODEL_OUTPUT, new Actor(Actor.MODEL, "gpt", null), null, snapshot, 1),
                true,
                ReviewWork.NONE);
    }

    private static Review blog() {
        ObjectNode fields = Json.object().put("blog", "Hi <!channel> <@U123> <https://evil.example|trust me> & bye");
        return review("Launch <post>", fields);
    }

    private static JsonNode block(SlackBlocks.Card card, String type) {
        for (JsonNode b : card.blocks()) {
            if (b.path("type").asText().equals(type)) {
                return b;
            }
        }
        throw new AssertionError("no " + type + " block in " + card.blocks());
    }

    @Test
    void aPendingReviewHasTitleFormExcerptAndTheFourButtonsCarryingAccountReviewAndVersion() {
        SlackBlocks.Card card = SlackBlocks.card(blog(), URL, 10);

        JsonNode header = block(card, "header").path("text");
        assertThat(header.path("type").asText()).isEqualTo("plain_text");
        assertThat(header.path("text").asText()).isEqualTo("Launch <post>");
        JsonNode buttons = block(card, "actions").path("elements");
        assertThat(buttons)
                .extracting(b -> b.path("action_id").asText())
                .containsExactly("reviewgate_approve", "reviewgate_reject", "reviewgate_claim", "reviewgate_open");
        assertThat(buttons.get(3).path("url").asText()).isEqualTo(URL + "/reviews/rev_1");
        assertThat(buttons.get(3).has("value")).isFalse();
        for (int i = 0; i < 3; i++) {
            CardRef ref = CardRef.decode(buttons.get(i).path("value").asText()).orElseThrow();
            assertThat(ref).isEqualTo(new CardRef("acc_1", "rev_1", "ver_1", null));
        }
        assertThat(block(card, "context").toString()).contains("Waiting for a decision");
    }

    @Test
    void agentContentCannotMentionLinkOrFormatItsWayOut() {
        SlackBlocks.Card card = SlackBlocks.card(blog(), URL, 10);

        String section = block(card, "section").path("text").path("text").asText();
        assertThat(section).contains("*Form:* Blog &amp; news");
        assertThat(section)
                .contains("Hi &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|trust me&gt; &amp; bye");
        assertThat(section).doesNotContain("<");
        assertThat(card.text()).isEqualTo("Review: Launch &lt;post&gt; (Blog &amp; news)");
    }

    @Test
    void aClaimedReviewSaysByWhomAndUntilWhenAndKeepsItsButtons() {
        Review claimed = blog().withClaim(new Claim(DANA, Via.SLACK, 10, 900_000), 10);

        SlackBlocks.Card card = SlackBlocks.card(claimed, URL, 20);

        assertThat(block(card, "context").toString()).contains("claimed by Dana &lt;Rivera&gt; until <!date^900^");
        assertThat(block(card, "actions").path("elements")).hasSize(4);
        assertThat(SlackBlocks.card(claimed, URL, 900_001).blocks().toString()).doesNotContain("claimed by");
    }

    @Test
    void aDecidedReviewSaysWhoDecidedThroughWhichChannelAndKeepsOnlyOpen() {
        Review rejected =
                blog().withDecision(new Decision(Verdict.REJECTED, "ver_1", "Too <long>", DANA, Via.EMAIL, 30), 30);

        SlackBlocks.Card card = SlackBlocks.card(rejected, URL, 40);

        assertThat(block(card, "context").path("elements").path(0).path("text").asText())
                .isEqualTo(":x: Rejected by Dana &lt;Rivera&gt; via email: Too &lt;long&gt;");
        assertThat(block(card, "actions").path("elements"))
                .extracting(b -> b.path("action_id").asText())
                .containsExactly("reviewgate_open");
    }

    @Test
    void theRejectModalAsksForAReasonAndCarriesTheCardItCameFrom() {
        CardRef ref = new CardRef("acc_1", "rev_1", "ver_1", "C0REVIEWS");

        ObjectNode view = SlackBlocks.rejectModal(blog(), ref);

        assertThat(view.path("callback_id").asText()).isEqualTo(SlackBlocks.REJECT_MODAL);
        assertThat(CardRef.decode(view.path("private_metadata").asText())).contains(ref);
        JsonNode input = view.path("blocks").get(1);
        assertThat(input.path("block_id").asText()).isEqualTo(SlackBlocks.REASON_BLOCK);
        assertThat(input.path("element").path("action_id").asText()).isEqualTo(SlackBlocks.REASON_INPUT);
        assertThat(input.path("element").path("max_length").asInt()).isEqualTo(SlackBlocks.MAX_REASON);
    }

    @Test
    void aButtonValueThatIsNotOursIsNotRead() {
        assertThat(CardRef.decode(null)).isEmpty();
        assertThat(CardRef.decode("approve")).isEmpty();
        assertThat(CardRef.decode("{\"a\":\"acc_1\",\"r\":\"rev_1\"}")).isEmpty();
        assertThat(CardRef.decode("{\"a\":\"acc 1; DROP\",\"r\":\"rev_1\",\"v\":\"ver_1\"}"))
                .isEmpty();
        assertThat(CardRef.decode("{\"a\":\"" + "x".repeat(1001) + "\"}")).isEmpty();
    }

    @Test
    void longTextIsCutWithoutSplittingAnEscape() {
        assertThat(SlackBlocks.cut("abc", 3)).isEqualTo("abc");
        assertThat(SlackBlocks.cut("abcdef", 4)).isEqualTo("abc…");
        assertThat(SlackBlocks.cut("ab&amp;cdef", 5)).isEqualTo("ab…");
    }
}
