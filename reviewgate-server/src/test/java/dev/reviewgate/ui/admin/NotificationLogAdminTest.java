package dev.reviewgate.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.TeamsTest;
import dev.reviewgate.testing.TestServer;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The notification log: a Teams delivery is listed with where it went and how, and Redeliver sends it again. */
class NotificationLogAdminTest extends TeamsTest {

    @Test
    void listsATeamsDeliveryAndRedeliverSendsItAgain() {
        String secret = "logsecret1";
        String reviewId = review(newTeamsForm(workflowUrl(secret)), Map.of());
        awaitDelivered(reviewId, 1);
        WebClient admin = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);

        HttpResponse<String> log = admin.get("/admin/notifications?channel=teams");

        assertThat(log.statusCode()).isEqualTo(200);
        Matcher row = Pattern.compile(
                        "<tr data-delivery=\"(ntf_[^\"]+)\">((?:(?!</tr>).)*" + reviewId + "(?:(?!</tr>).)*)</tr>",
                        Pattern.DOTALL)
                .matcher(log.body());
        assertThat(row.find()).as(log.body()).isTrue();
        assertThat(row.group(2)).contains("teams", "teams:form", "delivered", "Redeliver");
        assertThat(log.body()).doesNotContain(secret);
        assertThat(admin.get("/admin/notifications").body()).contains(row.group(1));

        HttpResponse<String> redelivered = admin.post("/admin/notifications/" + row.group(1) + "/redeliver", Map.of());

        assertThat(redelivered.statusCode()).isEqualTo(303);
        receiver.await(r -> receiver.received().size() == 2);
        awaitDelivered(reviewId, 1);
        assertThat(receiver.received()).hasSize(2);
        assertThat(button(card(receiver.received().get(1)), "Approve"))
                .as("a redelivered card carries fresh links")
                .isNotEqualTo(button(card(receiver.received().get(0)), "Approve"));
    }

    @Test
    void reviewersCannotOpenItAndWebhookDeliveriesCannotBeRedeliveredFromIt() {
        WebClient admin = WebClient.signIn(server.baseUrl(), "admin@example.com", TestServer.ADMIN_PASSWORD);
        assertThat(admin.post("/admin/notifications/whk_unknown/redeliver", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.postWithoutToken("/admin/notifications/whk_unknown/redeliver", Map.of())
                        .statusCode())
                .isEqualTo(403);
    }
}
