package dev.reviewgate.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Users;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who is e-mailed, and what the message holds: assignees, preferences, reminders, escaped content. */
class EmailRecipientsApiTest extends EmailTest {

    @Test
    void anAssignedReviewSendsItsAssigneeOneMessageWithEscapedContentAndThreeLinks() {
        Person someone = user();
        Person bystander = user();
        JsonNode review = reviewFor(someone.email(), "Hello <b>world</b> & more");

        Mailbox.Mail mail = mailbox.await(someone.email(), 1).get(0);

        assertThat(mailbox.to(bystander.email())).isEmpty();
        assertThat(mail.subject()).startsWith("Review requested: Post <script>");
        assertThat(mail.html())
                .contains("Post &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Hello &lt;b&gt;world&lt;/b&gt; &amp; more")
                .doesNotContain("<script>")
                .doesNotContain("<b>world");
        String base = server.baseUrl();
        assertThat(mail.link("Open"))
                .isEqualTo(base + "/reviews/" + review.get("reviewId").asText());
        assertThat(mail.link("Approve")).matches(java.util.regex.Pattern.quote(base) + "/a/[A-Za-z0-9_-]{43}");
        assertThat(mail.link("Reject")).matches(java.util.regex.Pattern.quote(base) + "/a/[A-Za-z0-9_-]{43}");
        assertThat(mail.html()).contains(mail.link("Approve")).contains(mail.link("Reject"));
        // The delivery is logged like a webhook, and its id is the message's.
        assertThat(mail.messageId()).startsWith("<ntf_");
    }

    @Test
    void preferencesChosenOnTheWebPageDecideWhoIsMailed() {
        String password = "correct horse battery staple";
        String quietEmail = "quiet-" + System.nanoTime() + "@example.com";
        String eagerEmail = "eager-" + System.nanoTime() + "@example.com";
        String accountId = server.app().credentials().orElseThrow().accountId();
        Users users = new Users(server.app().database(), new AccountRepository(), new Ids(clock), clock);
        for (String email : List.of(quietEmail, eagerEmail)) {
            users.create(accountId, email, "P " + email, "reviewer", password);
        }
        WebClient quiet = WebClient.signIn(server.baseUrl(), quietEmail, password);
        WebClient eager = WebClient.signIn(server.baseUrl(), eagerEmail, password);
        assertThat(quiet.get("/settings/notifications").body()).contains("E-mail me");

        HttpResponse<String> savedQuiet = quiet.post("/settings/notifications", Map.of());
        HttpResponse<String> savedEager =
                eager.post("/settings/notifications", Map.of("email", "on", "notifyUnassigned", "on"));

        assertThat(savedQuiet.statusCode()).isEqualTo(200);
        assertThat(savedEager.body()).contains("Saved.");
        reviewFor(quietEmail, "assigned to the quiet one");
        Api.Response unassigned = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        formId,
                        "title",
                        "Nobody's",
                        "fields",
                        Fixtures.blogFields("x", "https://cdn.example.com/a.jpg")));
        assertThat(unassigned.status()).isEqualTo(201);

        assertThat(mailbox.await(eagerEmail, 1).get(0).subject()).isEqualTo("Review requested: Nobody's");
        assertThat(mailbox.to(quietEmail)).isEmpty();
        assertThat(quiet.post("/settings/notifications", Map.of("email", "on")).body())
                .contains("Saved.");
        assertThat(api.get("/v1/audit").text()).contains("notification.preferences.updated");
    }

    @Test
    void aReminderMailsTheAssigneeAgainWithFreshLinks() {
        Person someone = user();
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        formId,
                        "title",
                        "Slow one",
                        "assignTo",
                        List.of(someone.email()),
                        "remind",
                        Map.of("after", "PT10M", "max", 1),
                        "fields",
                        Fixtures.blogFields("x", "https://cdn.example.com/a.jpg")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Mailbox.Mail first = mailbox.await(someone.email(), 1).get(0);

        clock.advance(Duration.ofMinutes(11));

        List<Mailbox.Mail> both = mailbox.await(someone.email(), 2);
        Mailbox.Mail reminder =
                both.stream().filter(m -> !m.equals(first)).findFirst().orElseThrow();
        assertThat(reminder.subject()).isEqualTo("Reminder: Slow one waits for your review");
        assertThat(reminder.link("Approve")).isNotEqualTo(first.link("Approve"));
        // Either message's link decides; the other's is then void.
        assertThat(post(first.link("Approve"), null).statusCode()).isEqualTo(200);
        assertThat(post(reminder.link("Approve"), null).statusCode()).isEqualTo(409);
    }

    @Test
    void aReviewNobodyIsAssignedToMailsNobodyByDefault() {
        Person someone = user();
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of("formId", formId, "fields", Fixtures.blogFields("x", "https://cdn.example.com/a.jpg")));
        assertThat(created.status()).isEqualTo(201);
        // A later, assigned review reaches the user: if the unassigned one had mailed them, there would be two.
        reviewFor(someone.email(), "assigned");

        mailbox.await(someone.email(), 1);
    }

    @Test
    void concurrentFirstSavesOfPreferencesAllSucceedAndOneWins() {
        String password = "correct horse battery staple";
        String email = "racer-" + System.nanoTime() + "@example.com";
        String accountId = server.app().credentials().orElseThrow().accountId();
        new Users(server.app().database(), new AccountRepository(), new Ids(clock), clock)
                .create(accountId, email, "Racer", "reviewer", password);
        WebClient web = WebClient.signIn(server.baseUrl(), email, password);

        List<HttpResponse<String>> saved = Concurrently.run(
                10, i -> web.post("/settings/notifications", i % 2 == 0 ? Map.of() : Map.of("email", "on")));

        assertThat(saved).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        long rows = server.app()
                .database()
                .read(h -> h.createQuery("SELECT COUNT(*) FROM notification_preferences p JOIN users u"
                                + " ON u.account_id = p.account_id AND u.id = p.user_id WHERE u.email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo(1);
    }
}
