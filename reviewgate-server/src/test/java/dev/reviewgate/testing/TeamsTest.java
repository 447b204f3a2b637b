package dev.reviewgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Base of the Teams suites: the webhook suites' loopback receiver stands in for a Teams Workflows
 * webhook, and the server stores credentials with a fixed test key.
 */
public abstract class TeamsTest extends WebhookTest {

    private int serial;

    @Override
    protected Settings settings(String databaseUrl) {
        return NotificationSettings.withSecretKey(super.settings(databaseUrl));
    }

    /** A workflow URL of this test's receiver whose "signature" must never be seen again. */
    protected String workflowUrl(String secret) {
        return receiver.url("/workflows/" + secret + "/triggers/manual/run?sig=" + secret);
    }

    protected String newTeamsForm(String url) {
        serial++;
        String id = "teams-" + database.name().toLowerCase(Locale.ROOT) + "-" + serial + "-" + System.nanoTime();
        ObjectNode form = (ObjectNode) Fixtures.blogForm();
        form.put("id", id);
        form.putObject("notify").put("email", false).putObject("teams").put("webhookUrl", url);
        Api.Response created = api.post("/v1/forms", form);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return id;
    }

    protected String review(String formId, Map<String, Object> extra) {
        var body = new HashMap<String, Object>(
                Map.of("formId", formId, "fields", Fixtures.blogFields("**Post** [x](https://evil.example)")));
        body.putAll(extra);
        Api.Response created = api.post("/v1/reviews", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("reviewId").asText();
    }

    protected List<String> teamsDeliveries(String reviewId) {
        return server.app()
                .database()
                .read(h -> h.createQuery(
                                "SELECT status FROM deliveries WHERE review_id = :r AND channel = 'teams' ORDER BY id")
                        .bind("r", reviewId)
                        .mapTo(String.class)
                        .list());
    }

    protected void awaitDelivered(String reviewId, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> statuses = teamsDeliveries(reviewId);
            if (statuses.size() == count && statuses.stream().allMatch("delivered"::equals)) {
                return;
            }
            pause(50);
        }
        throw new AssertionError("Teams deliveries of " + reviewId + ": " + teamsDeliveries(reviewId));
    }

    protected static JsonNode card(Receiver.Received request) {
        return request.json().path("attachments").get(0).path("content");
    }

    protected static String button(JsonNode card, String title) {
        for (JsonNode action : card.path("actions")) {
            if (action.path("title").asText().equals(title)) {
                return action.path("url").asText();
            }
        }
        throw new AssertionError("no " + title + " button on " + card);
    }
}
