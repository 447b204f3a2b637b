package dev.reviewgate.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.config.Settings;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.BrowserTest;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The links of a real e-mail, followed in Chromium as a reviewer would. */
class EmailActionLinksBrowserTest extends BrowserTest {

    private final Mailbox mailbox = new Mailbox();
    private int sequence;

    @Override
    protected Settings settings(Settings standard) {
        return standard.withNotifications(Notifications.NONE.withSmtp(mailbox.server()));
    }

    @BeforeAll
    void form() {
        var form = (com.fasterxml.jackson.databind.node.ObjectNode)
                Fixtures.blogForm().deepCopy();
        form.put("id", "mail-browser");
        assertThat(api.post("/v1/forms", form).status()).isIn(200, 201);
    }

    @AfterAll
    void stopMailbox() {
        mailbox.close();
    }

    private record Sent(String reviewId, String userId, Mailbox.Mail mail) {}

    private Sent assignedReview() {
        String email = "browser-" + System.nanoTime() + "-" + ++sequence + "@example.com";
        Api.Response user = api.post("/v1/users", Map.of("email", email, "name", "Rita Reviewer", "role", "reviewer"));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "mail-browser",
                        "title",
                        "Launch post " + sequence,
                        "assignTo",
                        List.of(email),
                        "fields",
                        Fixtures.blogFields("We launch **today**.", "https://cdn.example.com/a.jpg")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Sent(
                created.body().get("reviewId").asText(),
                user.body().get("id").asText(),
                mailbox.await(email, 1).get(0));
    }

    private JsonNode review(String id) {
        return api.get("/v1/reviews/" + id).body();
    }

    private long decisions(String reviewId) {
        long n = 0;
        for (JsonNode e : api.get("/v1/reviews/" + reviewId + "/events").body().get("data")) {
            String event = e.get("event").asText();
            n += event.equals("review.approved") || event.equals("review.rejected") ? 1 : 0;
        }
        return n;
    }

    @Test
    void theApproveLinkShowsAConfirmPageAndOnlyTheConfirmationDecides() {
        Sent sent = assignedReview();

        page.navigate(sent.mail().link("Approve"));

        assertThat(page.getByRole(AriaRole.HEADING).first().textContent()).contains("Launch post");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm approval"))
                        .isVisible())
                .isTrue();
        assertThat(review(sent.reviewId()).get("status").asText()).isEqualTo("pending");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm approval"))
                .click();
        page.waitForLoadState(LoadState.LOAD);

        assertThat(page.locator(".notice").textContent()).contains("Approved.");
        JsonNode decided = review(sent.reviewId());
        assertThat(decided.get("status").asText()).isEqualTo("approved");
        assertThat(decided.at("/decision/via").asText()).isEqualTo("email");
        assertThat(decided.at("/decision/decidedBy/id").asText()).isEqualTo(sent.userId());

        page.navigate(sent.mail().link("Approve"));

        assertThat(page.locator(".notice").textContent()).contains("already used");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm approval"))
                        .count())
                .isZero();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open in Reviewgate"))
                        .getAttribute("href"))
                .endsWith("/reviews/" + sent.reviewId());
        assertThat(decisions(sent.reviewId())).isEqualTo(1);
    }

    @Test
    void confirmingFromTwoTabsAtOnceDecidesOnce() {
        Sent sent = assignedReview();
        Page first = page;
        Page second = context.newPage();
        first.navigate(sent.mail().link("Approve"));
        second.navigate(sent.mail().link("Approve"));

        // Both forms are submitted before either answer is back.
        first.evaluate("document.querySelector('form.confirm').submit()");
        second.evaluate("document.querySelector('form.confirm').submit()");
        first.waitForSelector(".notice");
        second.waitForSelector(".notice");

        List<String> notices = List.of(
                first.locator(".notice").textContent(),
                second.locator(".notice").textContent());
        assertThat(notices).filteredOn(n -> n.contains("Approved.")).hasSize(1);
        assertThat(notices)
                .filteredOn(n -> n.contains("already used") || n.contains("no longer waits"))
                .hasSize(1);
        assertThat(decisions(sent.reviewId())).isEqualTo(1);
    }

    @Test
    void theRejectLinkAsksForTheReason() {
        Sent sent = assignedReview();

        page.navigate(sent.mail().link("Reject"));

        assertThat(page.getByLabel("Why do you reject it?").isVisible()).isTrue();
        assertThat(page.getByLabel("Why do you reject it?").getAttribute("required"))
                .isNotNull();
        page.getByLabel("Why do you reject it?").fill("The tone is off.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm rejection"))
                .click();
        page.waitForSelector(".notice");

        JsonNode decided = review(sent.reviewId());
        assertThat(decided.get("status").asText()).isEqualTo("rejected");
        assertThat(decided.at("/decision/reason").asText()).isEqualTo("The tone is off.");
        assertThat(decided.at("/decision/via").asText()).isEqualTo("email");
    }
}
