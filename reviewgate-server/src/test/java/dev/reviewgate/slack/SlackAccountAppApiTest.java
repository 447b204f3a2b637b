package dev.reviewgate.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.notification.ChannelSettingsRepository;
import dev.reviewgate.secret.SecretBox;
import dev.reviewgate.secret.SecretKeys;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.FakeSlack;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestServer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An account with its own Slack app (stored sealed by an admin) posts with its own bot token, and
 * only its own signing secret verifies its interactions: the instance's secret is a 401 there.
 */
class SlackAccountAppApiTest extends SlackTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OWN_TOKEN = "xoxb-the-accounts-own-app";
    private static final String OWN_SECRET = "the-accounts-own-signing-secret";

    @Override
    protected String secretKey() {
        return KEY;
    }

    @Test
    void theAccountsOwnAppPostsAndOnlyItsSecretVerifies() {
        slack.allowToken(OWN_TOKEN);
        TestServer.Tenant tenant = server.newAccount();
        ChannelSettingsRepository stored = new ChannelSettingsRepository(
                new SecretBox(SecretKeys.of(KEY, Path.of("unused"))),
                server.app().database().caches());
        server.app().database().write(h -> {
            stored.save(
                    h,
                    tenant.accountId(),
                    ChannelSettingsRepository.SLACK,
                    Json.object(),
                    Json.write(Json.object().put("botToken", OWN_TOKEN).put("signingSecret", OWN_SECRET)),
                    System.currentTimeMillis());
            return null;
        });
        Api own = tenant.api();
        String email = "own-app-" + System.nanoTime() + "@example.com";
        Api.Response user = own.post("/v1/users", Map.of("email", email, "name", "Oona", "role", "reviewer"));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        String slackUser = "UOWN" + System.nanoTime() % 100_000;
        slack.addUser(slackUser, email);
        ObjectNode form = (ObjectNode) Fixtures.blogForm().deepCopy();
        form.put("id", "own-app-form");
        form.putObject("notify").putObject("slack").put("channel", "C0OWN");
        assertThat(own.post("/v1/forms", form).status()).isIn(200, 201);
        ObjectNode request = Json.object().put("formId", "own-app-form");
        request.set("fields", Fixtures.blogFields("Ours", "https://cdn.example.com/a.jpg"));
        String id = own.post("/v1/reviews", request).body().get("reviewId").asText();

        FakeSlack.Call card = awaitCard(id);
        assertThat(card.authorization()).isEqualTo("Bearer " + OWN_TOKEN);
        JsonNode click = click(card, SlackBlocks.APPROVE, slackUser);

        assertThat(interact(click, SECRET, System.currentTimeMillis() / 1000).statusCode())
                .isEqualTo(401);
        assertThat(interact(click, OWN_SECRET, System.currentTimeMillis() / 1000)
                        .statusCode())
                .isEqualTo(200);
        JsonNode decided = awaitReview(own, id, r -> r.path("status").asText().equals("approved"));
        assertThat(decided.path("decision").path("via").asText()).isEqualTo("slack");
        assertThat(decided.path("decision").path("decidedBy").path("id").asText())
                .isEqualTo(user.body().get("id").asText());
        assertThat(slack.calls("users.info"))
                .filteredOn(c -> slackUser.equals(c.arg("user")))
                .allMatch(c -> c.authorization().equals("Bearer " + OWN_TOKEN));
        FakeSlack.Call updated = awaitUpdate(card, "Approved by Oona");
        assertThat(updated.authorization()).isEqualTo("Bearer " + OWN_TOKEN);
    }

    @Test
    void theInteractionsRouteIsInTheOpenApiDocument() {
        JsonNode paths = api.withKey(null).get("/openapi.json").body().get("paths");
        assertThat(paths.path(SlackInteractions.PATH).has("post")).isTrue();
        assertThat(server.app().routes()).anyMatch(r -> r.path().equals(SlackInteractions.PATH));
    }
}
