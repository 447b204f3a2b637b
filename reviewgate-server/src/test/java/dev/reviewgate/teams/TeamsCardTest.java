package dev.reviewgate.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.event.EventType;
import dev.reviewgate.json.Json;
import dev.reviewgate.notification.Excerpt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Teams message: the Workflows envelope around one Adaptive Card, agent text escaped. */
class TeamsCardTest {

    private static TeamsCard card(String title, Excerpt excerpt) {
        return new TeamsCard(
                EventType.ASSIGNED,
                title,
                "Blog",
                excerpt,
                "https://rg.example/reviews/rev_1",
                "https://rg.example/a/approve",
                "https://rg.example/a/reject");
    }

    @Test
    void isOneAdaptiveCardWithOpenApproveAndRejectButtons() {
        JsonNode message =
                Json.parse(card("Post", new Excerpt(List.of(), false)).json());

        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("attachments")).hasSize(1);
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode content = attachment.path("content");
        assertThat(content.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(content.path("version").asText()).isEqualTo("1.4");
        JsonNode actions = content.path("actions");
        assertThat(actions).hasSize(3);
        assertThat(actions.findValuesAsText("type")).containsOnly("Action.OpenUrl");
        assertThat(actions.findValuesAsText("title")).containsExactly("Open", "Approve", "Reject");
        assertThat(actions.findValuesAsText("url"))
                .containsExactly(
                        "https://rg.example/reviews/rev_1",
                        "https://rg.example/a/approve",
                        "https://rg.example/a/reject");
        assertThat(content.path("body").get(0).path("text").asText()).isEqualTo("Review assigned");
    }

    @Test
    void agentTextMakesNoMarkdownLinksOrEmphasis() {
        Excerpt hostile =
                new Excerpt(List.of(new Excerpt.Line("blog", "**click** [here](https://evil.example/x) _now_")), false);
        JsonNode content = Json.parse(
                        card("# [Approve me](https://evil.example)", hostile).json())
                .path("attachments")
                .get(0)
                .path("content");

        String title = content.path("body").get(1).path("text").asText();
        String value =
                content.path("body").get(3).path("facts").get(0).path("value").asText();
        assertThat(title).isEqualTo("\\# \\[Approve me\\]\\(https:\u200B//evil\\.example\\)");
        assertThat(value).doesNotContain("**", "](", "://").contains("\\*\\*click\\*\\*", "\\_now\\_");
    }

    @Test
    void escapeLeavesPlainTextReadable() {
        assertThat(TeamsCard.escape("Quarterly report 2026")).isEqualTo("Quarterly report 2026");
        assertThat(TeamsCard.escape("line\nbreak")).isEqualTo("line break");
    }
}
