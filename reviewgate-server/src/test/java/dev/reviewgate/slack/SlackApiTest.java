package dev.reviewgate.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.json.Json;
import dev.reviewgate.testing.FakeSlack;
import dev.reviewgate.webhook.WebhookSender;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Web API client: bearer token, JSON or form bodies, {@code ok:false} and 429 with Retry-After. */
class SlackApiTest {

    private FakeSlack slack;
    private SlackApi api;

    @BeforeEach
    void start() throws IOException {
        slack = new FakeSlack("xoxb-right");
        api = new SlackApi(slack.url() + "/", Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void anOkAnswerIsReadAndDelivers() {
        SlackApi.Result posted = api.postMessage("xoxb-right", "C0ONE", "hi", Json.array());

        assertThat(posted.ok()).isTrue();
        assertThat(posted.body().path("ts").asText()).isNotEmpty();
        assertThat(posted.outcome("posted").succeeded()).isTrue();
        FakeSlack.Call call = slack.calls().getFirst();
        assertThat(call.method()).isEqualTo("chat.postMessage");
        assertThat(call.authorization()).isEqualTo("Bearer xoxb-right");
        assertThat(call.arg("channel")).isEqualTo("C0ONE");
    }

    @Test
    void okFalseIsAFailureNamingSlacksError() {
        SlackApi.Result refused = api.postMessage("xoxb-wrong", "C0ONE", "hi", Json.array());

        assertThat(refused.ok()).isFalse();
        assertThat(refused.error()).isEqualTo("invalid_auth");
        WebhookSender.Outcome outcome = refused.outcome("posted");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("slack: invalid_auth");
        assertThat(api.lookupByEmail("xoxb-right", "nobody@example.com").error())
                .isEqualTo("users_not_found");
    }

    @Test
    void aRateLimitIsRetriedWhenSlackSays() {
        slack.rateLimitOnce("chat.update", 7);

        SlackApi.Result limited = api.update("xoxb-right", "C0ONE", "1.2", "hi", Json.array());

        assertThat(limited.status()).isEqualTo(429);
        WebhookSender.Outcome outcome = limited.outcome("updated");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(429);
        assertThat(outcome.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(api.update("xoxb-right", "C0ONE", "1.2", "hi", Json.array()).ok())
                .isTrue();
    }

    @Test
    void userLookUpsAreFormsAsSlackTakesThem() {
        slack.addUser("U0ANN", "ann@example.com");

        SlackApi.Result found = api.lookupByEmail("xoxb-right", "ann@example.com");
        SlackApi.Result info = api.userInfo("xoxb-right", "U0ANN");

        assertThat(found.body().path("user").path("id").asText()).isEqualTo("U0ANN");
        assertThat(info.body().path("user").path("profile").path("email").asText())
                .isEqualTo("ann@example.com");
        assertThat(slack.calls()).allMatch(c -> c.contentType().equals("application/x-www-form-urlencoded"));
    }

    @Test
    void noServerIsATransportFailure() {
        slack.close();
        SlackApi.Result failed = api.postMessage("xoxb-right", "C0ONE", "hi", Json.array());
        assertThat(failed.ok()).isFalse();
        assertThat(failed.status()).isZero();
        assertThat(failed.outcome("x").statusCode()).isNull();
    }
}
