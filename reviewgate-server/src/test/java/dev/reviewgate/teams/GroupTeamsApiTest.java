package dev.reviewgate.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.TeamsTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group's Slack channel and Teams workflow URL: the URL is SSRF-checked, sealed in the database,
 * shown as "(saved)" by the API and the admin page, kept by a round trip, removed by leaving it
 * out; reviews assigned to the group post a card to it.
 */
class GroupTeamsApiTest extends TeamsTest {

    private String groupId(String tag) {
        return "g-" + tag + "-" + database.name().toLowerCase(Locale.ROOT) + "-" + System.nanoTime();
    }

    private String sealedColumn(String groupId) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT teams_webhook FROM groups WHERE id = :id")
                        .bind("id", groupId)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void theTeamsUrlIsWriteOnlySealedAndReceivesTheCardsOfTheGroupsReviews() {
        String secret = "groupsecret1";
        String id = groupId("cards");
        ObjectNode body = Json.object().put("id", id).put("name", "Billing").put("slackChannel", "#billing");
        body.putArray("members");
        body.put("teamsWebhookUrl", workflowUrl(secret));

        Api.Response created = api.post("/v1/groups", body);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text()).doesNotContain(secret);
        assertThat(created.body().get("teamsWebhookUrl").asText()).isEqualTo("(saved)");
        assertThat(created.body().get("slackChannel").asText()).isEqualTo("billing");
        assertThat(api.get("/v1/groups/" + id).text()).doesNotContain(secret);
        assertThat(api.get("/v1/groups").text()).doesNotContain(secret);
        assertThat(sealedColumn(id)).startsWith("v1:").doesNotContain(secret, receiver.url(""));
        HttpResponse<String> page = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD)
                .get("/admin/groups");
        assertThat(page.body()).contains(id, "Teams (saved)").doesNotContain(secret);

        // A form without Teams of its own: the card goes to the assigned group's workflow only.
        String formId = newForm();
        String reviewId = review(formId, Map.of("assignToGroups", List.of(id)));
        awaitDelivered(reviewId, 1);
        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.body()).contains(reviewId);
            assertThat(r.json().path("attachments").get(0).path("content").path("actions"))
                    .hasSize(3);
        });
        String destination = server.app()
                .database()
                .read(h -> h.createQuery("SELECT url FROM deliveries WHERE review_id = :r AND channel = 'teams'")
                        .bind("r", reviewId)
                        .mapTo(String.class)
                        .one());
        assertThat(destination).isEqualTo("teams:group:" + id);
    }

    @Test
    void aRoundTripKeepsTheSavedUrlAndLeavingItOutRemovesIt() {
        String secret = "groupsecret2";
        String id = groupId("trip");
        ObjectNode body = Json.object().put("id", id).put("name", "Ops").put("teamsWebhookUrl", workflowUrl(secret));
        body.putArray("members");
        api.post("/v1/groups", body);
        String sealed = sealedColumn(id);

        ObjectNode read = (ObjectNode) api.get("/v1/groups/" + id).body();
        read.remove(List.of("createdAt", "updatedAt"));
        Api.Response kept = api.put("/v1/groups/" + id, read);

        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        assertThat(kept.body().get("teamsWebhookUrl").asText()).isEqualTo("(saved)");
        assertThat(sealedColumn(id)).isEqualTo(sealed);

        read.remove("teamsWebhookUrl");
        Api.Response removed = api.put("/v1/groups/" + id, read);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().has("teamsWebhookUrl")).isFalse();
        assertThat(sealedColumn(id)).isNull();
    }

    @Test
    void aUrlTheServiceMayNotPostToOrAPlaceholderForANewGroupIsRefused() {
        ObjectNode body = Json.object().put("id", groupId("refused")).put("name", "X");
        body.putArray("members");
        body.put("teamsWebhookUrl", "http://10.1.2.3/workflow");
        Api.Response refused = api.post("/v1/groups", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("/teamsWebhookUrl");

        body.put("teamsWebhookUrl", "(saved)");
        assertThat(api.post("/v1/groups", body).status()).isEqualTo(422);
        body.put("teamsWebhookUrl", "https://ok.example/x").put("slackChannel", "not a channel!");
        Api.Response badSlack = api.post("/v1/groups", body);
        assertThat(badSlack.status()).isEqualTo(422);
        assertThat(badSlack.text()).contains("/slackChannel");
        assertThat(api.get("/v1/groups/" + body.get("id").asText()).status()).isEqualTo(404);
    }
}
