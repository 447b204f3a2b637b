package dev.reviewgate.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature.Generator;
import com.slack.api.app_backend.SlackSignature.HeaderNames;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.config.Settings;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.FakeSlack;
import dev.reviewgate.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;

/**
 * Base of the Slack suites: the API suite's server per database, with the instance's Slack app
 * pointed at a {@link FakeSlack} on loopback, and the pieces a test needs: people in both
 * Reviewgate and Slack, a form posting to a channel, and interaction payloads signed with Slack's
 * own library.
 */
abstract class SlackTest extends ApiTest {

    static final String TOKEN = "xoxb-test-bot-token";
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String CHANNEL = "C0REVIEWS";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    protected FakeSlack slack;

    @Override
    protected Settings settings(String databaseUrl) {
        try {
            slack = new FakeSlack(TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return super.settings(databaseUrl)
                .withNotifications(new Notifications(
                        Notifications.Smtp.NONE,
                        new Notifications.Slack(TOKEN, SECRET, slack.url()),
                        null,
                        secretKey()));
    }

    /** The key channel credentials are sealed with; none (a key file) unless a suite stores some. */
    protected String secretKey() {
        return null;
    }

    @AfterParameterizedClassInvocation
    void stopSlack() {
        if (slack != null) {
            slack.close();
        }
    }

    /** A reviewer known to Reviewgate and, with the same e-mail, to Slack. */
    record Person(String id, String email, String slackId) {}

    Person person(String role) {
        int n = SEQUENCE.incrementAndGet();
        String email = "slack-" + role + "-" + n + "-" + System.nanoTime() % 1_000_000 + "@example.com";
        Api.Response created = api.post("/v1/users", Map.of("email", email, "name", "Person " + n, "role", role));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String slackId = "U" + database.name().charAt(0) + String.format("%08d", n);
        slack.addUser(slackId, email.toUpperCase(java.util.Locale.ROOT));
        return new Person(created.body().get("id").asText(), email, slackId);
    }

    /** The blog form, posting every review to {@code channel}, with {@code extraJson} merged in. */
    String form(String channel, String extraJson) {
        ObjectNode form = (ObjectNode) Fixtures.blogForm().deepCopy();
        String id = "slack-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
        form.put("id", id);
        if (channel != null) {
            form.putObject("notify").putObject("slack").put("channel", channel);
        }
        if (extraJson != null) {
            form.setAll((ObjectNode) Fixtures.json(extraJson));
        }
        Api.Response created = api.post("/v1/forms", form);
        assertThat(created.status()).as(created.text()).isIn(200, 201);
        return id;
    }

    /** A review of {@code formId} with {@code extraJson} members merged into the request; its id. */
    String review(String formId, String text, String extraJson) {
        ObjectNode body = Json.object().put("formId", formId).put("title", "Post " + SEQUENCE.incrementAndGet());
        body.set("fields", Fixtures.blogFields(text, "https://cdn.example.com/a.jpg"));
        if (extraJson != null) {
            body.setAll((ObjectNode) Fixtures.json(extraJson));
        }
        Api.Response created = api.post("/v1/reviews", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("reviewId").asText();
    }

    JsonNode now(String reviewId) {
        return api.get("/v1/reviews/" + reviewId).body();
    }

    /** The card posted for {@code reviewId} (10 s at most). */
    FakeSlack.Call awaitCard(String reviewId) {
        return slack.await(
                "chat.postMessage",
                c -> c.args().toString().contains(reviewId)
                        && c.answer().path("ok").asBoolean());
    }

    /** The first update of {@code card} whose state line says {@code state}. */
    FakeSlack.Call awaitUpdate(FakeSlack.Call card, String state) {
        String ts = card.answer().get("ts").asText();
        return slack.await(
                "chat.update",
                c -> ts.equals(c.arg("ts")) && stateLine(c.args()).contains(state));
    }

    static String stateLine(JsonNode message) {
        return StreamSupport.stream(message.path("blocks").spliterator(), false)
                .filter(b -> b.path("type").asText().equals("context"))
                .findFirst()
                .map(b -> b.path("elements").path(0).path("text").asText())
                .orElse("");
    }

    static List<String> actionIds(JsonNode message) {
        return StreamSupport.stream(message.path("blocks").spliterator(), false)
                .filter(b -> b.path("type").asText().equals("actions"))
                .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                .map(e -> e.path("action_id").asText())
                .toList();
    }

    static JsonNode button(JsonNode message, String actionId) {
        return StreamSupport.stream(message.path("blocks").spliterator(), false)
                .filter(b -> b.path("type").asText().equals("actions"))
                .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                .filter(e -> e.path("action_id").asText().equals(actionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + actionId + " in " + message));
    }

    /** A click on {@code actionId} of {@code card} by {@code slackUser}, as Slack sends it. */
    static ObjectNode click(FakeSlack.Call card, String actionId, String slackUser) {
        String channel = card.answer().get("channel").asText();
        String ts = card.answer().get("ts").asText();
        JsonNode button = button(card.args(), actionId);
        ObjectNode p = Json.object().put("type", "block_actions");
        p.putObject("user")
                .put("id", slackUser)
                .put("username", "someone")
                .put("name", "someone")
                .put("team_id", "T0TEAM");
        p.put("api_app_id", "A0APP").put("token", "verification-token-unused");
        p.putObject("container")
                .put("type", "message")
                .put("message_ts", ts)
                .put("channel_id", channel)
                .put("is_ephemeral", false);
        p.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        p.putObject("team").put("id", "T0TEAM").put("domain", "example");
        p.putObject("channel").put("id", channel).put("name", "reviews");
        ObjectNode message =
                p.putObject("message").put("type", "message").put("ts", ts).put("text", card.arg("text"));
        message.set("blocks", card.args().get("blocks"));
        p.put("response_url", "https://hooks.slack.invalid/actions/T0TEAM/1/abc");
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId)
                .put("block_id", SlackBlocks.ACTIONS_BLOCK)
                .put("value", button.path("value").asText())
                .put("type", "button")
                .put("action_ts", "1700000000.000100");
        action.set("text", button.get("text"));
        return p;
    }

    /** The reject modal's submission, as Slack sends it, with {@code reason} typed in. */
    static ObjectNode submitReject(JsonNode view, String slackUser, String reason) {
        ObjectNode p = Json.object().put("type", "view_submission");
        p.putObject("team").put("id", "T0TEAM").put("domain", "example");
        p.putObject("user").put("id", slackUser).put("username", "someone").put("team_id", "T0TEAM");
        p.put("api_app_id", "A0APP").put("token", "verification-token-unused").put("trigger_id", "1.2.3");
        ObjectNode v = p.putObject("view").put("id", "V0MODAL").put("type", "modal");
        v.put("callback_id", view.path("callback_id").asText());
        v.put("private_metadata", view.path("private_metadata").asText());
        v.putObject("state")
                .putObject("values")
                .putObject(SlackBlocks.REASON_BLOCK)
                .putObject(SlackBlocks.REASON_INPUT)
                .put("type", "plain_text_input")
                .put("value", reason);
        return p;
    }

    /** Posts {@code payload} signed now with the app's secret. */
    HttpResponse<String> interact(JsonNode payload) {
        return interact(payload, SECRET, System.currentTimeMillis() / 1000);
    }

    HttpResponse<String> interact(JsonNode payload, String secret, long timestamp) {
        String body = "payload=" + URLEncoder.encode(Json.write(payload), StandardCharsets.UTF_8);
        String ts = Long.toString(timestamp);
        return post(
                body,
                Map.of(
                        HeaderNames.X_SLACK_REQUEST_TIMESTAMP,
                        ts,
                        HeaderNames.X_SLACK_SIGNATURE,
                        new Generator(secret).generate(ts, body)));
    }

    HttpResponse<String> post(String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(SlackInteractions.PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits (10 s at most) until {@code reviewId}'s JSON passes {@code test}; the last JSON. */
    JsonNode awaitReview(String reviewId, java.util.function.Predicate<JsonNode> test) {
        return awaitReview(api, reviewId, test);
    }

    static JsonNode awaitReview(Api client, String reviewId, java.util.function.Predicate<JsonNode> test) {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode last = client.get("/v1/reviews/" + reviewId).body();
        while (!test.test(last) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = client.get("/v1/reviews/" + reviewId).body();
        }
        return last;
    }
}
