package dev.reviewgate.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.Receiver;
import dev.reviewgate.testing.TeamsTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Teams cards against a real receiver on loopback: one Adaptive Card per event with Open, Approve
 * and Reject, posted to the form's and each assigned group's workflow URL; the URL is a credential,
 * sealed in the database and never read back; the shared Approve link decides as whoever signs in.
 */
class TeamsApiTest extends TeamsTest {

    @Test
    void aReviewPostsOneAdaptiveCardWithOpenApproveAndRejectToTheFormsWorkflow() {
        String formId = newTeamsForm(workflowUrl("formsecret1"));

        String reviewId = review(formId, Map.of());

        awaitDelivered(reviewId, 1);
        List<Receiver.Received> cards = receiver.received();
        assertThat(cards).hasSize(1);
        assertThat(cards.getFirst().headers().get("Content-type").getFirst()).startsWith("application/json");
        JsonNode message = cards.getFirst().json();
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("attachments").get(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = card(cards.getFirst());
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        assertThat(card.path("actions").findValuesAsText("type"))
                .containsExactly("Action.OpenUrl", "Action.OpenUrl", "Action.OpenUrl");
        assertThat(button(card, "Open")).isEqualTo(server.baseUrl() + "/reviews/" + reviewId);
        assertThat(button(card, "Approve")).startsWith(server.baseUrl() + "/a/");
        assertThat(button(card, "Reject")).startsWith(server.baseUrl() + "/a/").isNotEqualTo(button(card, "Approve"));
        assertThat(cards.getFirst().body()).doesNotContain("**Post**", "[x](");
    }

    @Test
    void aFailedPostIsRetriedAndA2xxDelivers() {
        receiver.then(Receiver.Answer.status(500));
        String formId = newTeamsForm(workflowUrl("formsecret2"));

        String reviewId = review(formId, Map.of());

        receiver.await(r -> true);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!lastStatus(reviewId).equals("500") && System.currentTimeMillis() < deadline) {
            pause(50);
        }
        assertThat(teamsDeliveries(reviewId)).containsExactly("pending");
        assertThat(lastStatus(reviewId)).isEqualTo("500");
        clock.advance(Duration.ofSeconds(6));
        awaitDelivered(reviewId, 1);
        assertThat(receiver.received()).hasSize(2);
    }

    private String lastStatus(String reviewId) {
        return server.app()
                .database()
                .read(h -> h.createQuery(
                                "SELECT COALESCE(last_status_code, 0) FROM deliveries WHERE review_id = :r AND channel = 'teams'")
                        .bind("r", reviewId)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void theFormsTeamsUrlIsStoredSealedAndNeverReadBackYetARoundTripKeepsIt() {
        String secret = "formsecret3";
        String formId = newTeamsForm(workflowUrl(secret));

        Api.Response got = api.get("/v1/forms/" + formId);
        assertThat(got.text()).doesNotContain(secret, receiver.url(""));
        assertThat(got.body().path("notify").path("teams").path("webhookUrl").asText())
                .isEqualTo("(saved)");
        assertThat(api.get("/v1/forms?cursor=").text()).doesNotContain(secret);
        assertThat(api.get("/v1/forms/" + formId + "/revisions/1").text()).doesNotContain(secret);
        WebClient admin = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/admin/forms/" + formId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("(saved)").doesNotContain(secret);
        assertThat(storedDefinitions(formId))
                .allSatisfy(d -> assertThat(d).doesNotContain(secret).contains("\"webhookUrl\":\"v1:"));

        // Sent back as read, the form keeps the saved URL: the next review still reaches the workflow.
        ObjectNode again = (ObjectNode) got.body();
        again.remove(List.of("revision", "createdAt", "updatedAt"));
        Api.Response revised = api.put("/v1/forms/" + formId, again);
        assertThat(revised.status()).as(revised.text()).isEqualTo(200);
        assertThat(revised.text()).doesNotContain(secret);
        assertThat(storedDefinitions(formId))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d).doesNotContain(secret, "(saved)"));
        String reviewId = review(formId, Map.of());
        awaitDelivered(reviewId, 1);
        assertThat(receiver.received())
                .singleElement()
                .satisfies(r -> assertThat(r.body()).contains(reviewId));
    }

    @Test
    void aTeamsUrlTheServiceMayNotPostToIsRefusedAndAPlaceholderWithNothingSavedIs422() {
        ObjectNode form = (ObjectNode) Fixtures.blogForm();
        form.put("id", "teams-refused-" + database.name().toLowerCase(java.util.Locale.ROOT));
        form.putObject("notify").putObject("teams").put("webhookUrl", "http://10.1.2.3/workflow");
        Api.Response refused = api.post("/v1/forms", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("/notify/teams/webhookUrl");

        ((ObjectNode) form.get("notify").get("teams")).put("webhookUrl", "(saved)");
        Api.Response nothingSaved = api.post("/v1/forms", form);
        assertThat(nothingSaved.status()).isEqualTo(422);
        assertThat(nothingSaved.text()).contains("/notify/teams/webhookUrl");

        ((ObjectNode) form.get("notify").get("teams")).put("webhookUrl", "v1:AAAA");
        assertThat(api.post("/v1/forms", form).status()).isEqualTo(422);
    }

    private List<String> storedDefinitions(String formId) {
        return server.app()
                .database()
                .read(h -> h.createQuery("SELECT definition FROM form_revisions WHERE form_id = :f ORDER BY revision")
                        .bind("f", formId)
                        .mapTo(String.class)
                        .list());
    }
}
