package dev.reviewgate.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.auth.AccountRepository;
import dev.reviewgate.auth.Users;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.config.Settings;
import dev.reviewgate.kernel.Ids;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Concurrently;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestClock;
import dev.reviewgate.testing.WebClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;

/**
 * E-mail with one-time action links, against a real SMTP server: who gets a message, what it
 * holds, and that a link decides exactly once, as its user, through {@code via: "email"}.
 */
class EmailActionLinksApiTest extends ApiTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestClock clock = new TestClock();
    private Mailbox mailbox;
    private String formId;

    @Override
    protected Settings settings(String databaseUrl) {
        mailbox = new Mailbox();
        return super.settings(databaseUrl).withNotifications(Notifications.NONE.withSmtp(mailbox.server()));
    }

    @Override
    protected InstantSource clock() {
        return clock;
    }

    @AfterParameterizedClassInvocation
    void stopMailbox() {
        mailbox.close();
    }

    @Override
    protected void setUp() {
        var form = (com.fasterxml.jackson.databind.node.ObjectNode)
                Fixtures.blogForm().deepCopy();
        formId = "mail-" + database.name().toLowerCase(java.util.Locale.ROOT);
        form.put("id", formId);
        assertThat(api.post("/v1/forms", form).status()).isIn(200, 201);
    }

    @BeforeEach
    void realTime() {
        clock.reset();
    }

    private record Person(String id, String email) {}

    private Person user() {
        String email = "reviewer-" + System.nanoTime() + "-" + SEQ.incrementAndGet() + "@example.com";
        Api.Response created =
                api.post("/v1/users", Map.of("email", email, "name", "Rev " + SEQ.get(), "role", "reviewer"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Person(created.body().get("id").asText(), email);
    }

    private JsonNode reviewFor(String assignee, String blog) {
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        formId,
                        "title",
                        "Post <script>alert(1)</script> " + SEQ.incrementAndGet(),
                        "assignTo",
                        List.of(assignee),
                        "fields",
                        Fixtures.blogFields(blog, "https://cdn.example.com/a.jpg")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static HttpResponse<String> post(String url, String reason) {
        String form = reason == null ? "" : "reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long decisions(String reviewId) {
        return eventCount(reviewId, "review.approved") + eventCount(reviewId, "review.rejected");
    }

    private long eventCount(String reviewId, String event) {
        long n = 0;
        for (JsonNode e : api.get("/v1/reviews/" + reviewId + "/events").body().get("data")) {
            n += e.get("event").asText().equals(event) ? 1 : 0;
        }
        return n;
    }

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
    void openingTheApproveLinkDecidesNothingAndConfirmingDecidesOnceAsTheBoundUser() {
        Person someone = user();
        JsonNode review = reviewFor(someone.email(), "text");
        String reviewId = review.get("reviewId").asText();
        String approve = mailbox.await(someone.email(), 1).get(0).link("Approve");

        HttpResponse<String> page = get(approve);
        HttpResponse<String> again = get(approve);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm approval");
        assertThat(again.body()).contains("Confirm approval");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText())
                .isEqualTo("pending");

        HttpResponse<String> confirmed = post(approve, null);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Approved.");
        JsonNode decided = api.get("/v1/reviews/" + reviewId).body();
        assertThat(decided.get("status").asText()).isEqualTo("approved");
        assertThat(decided.at("/decision/via").asText()).isEqualTo("email");
        assertThat(decided.at("/decision/decidedBy/kind").asText()).isEqualTo("human");
        assertThat(decided.at("/decision/decidedBy/id").asText()).isEqualTo(someone.id());
        assertThat(decided.at("/decision/versionId").asText())
                .isEqualTo(review.get("versionId").asText());

        HttpResponse<String> reused = post(approve, null);
        HttpResponse<String> reopened = get(approve);

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("already used").contains("/reviews/" + reviewId);
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(reopened.body()).contains("already used").doesNotContain("Confirm approval");
        assertThat(decisions(reviewId)).isEqualTo(1);
    }

    @Test
    void aLinkConfirmedManyTimesAtOnceDecidesExactlyOnce() {
        Person someone = user();
        String reviewId = reviewFor(someone.email(), "race").get("reviewId").asText();
        String approve = mailbox.await(someone.email(), 1).get(0).link("Approve");

        List<HttpResponse<String>> answers = Concurrently.run(8, i -> post(approve, null));

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(7);
        assertThat(decisions(reviewId)).isEqualTo(1);
    }

    @Test
    void theApproveAndRejectLinksOfOneMessageDecideOnceBetweenThem() {
        Person someone = user();
        String reviewId = reviewFor(someone.email(), "both").get("reviewId").asText();
        Mailbox.Mail mail = mailbox.await(someone.email(), 1).get(0);

        List<HttpResponse<String>> answers = Concurrently.run(
                6, i -> i % 2 == 0 ? post(mail.link("Approve"), null) : post(mail.link("Reject"), "not good"));

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(decisions(reviewId)).isEqualTo(1);
    }

    @Test
    void aLinkForASupersededVersionIsVoid() {
        Person someone = user();
        JsonNode review = reviewFor(someone.email(), "first");
        String reviewId = review.get("reviewId").asText();
        String approve = mailbox.await(someone.email(), 1).get(0).link("Approve");
        Api.Response edited = api.post(
                "/v1/reviews/" + reviewId + "/versions",
                Map.of(
                        "parentId",
                        review.get("versionId").asText(),
                        "snapshot",
                        Fixtures.blogFields("second", "https://cdn.example.com/a.jpg")));
        assertThat(edited.status()).as(edited.text()).isEqualTo(201);

        HttpResponse<String> page = get(approve);
        HttpResponse<String> confirmed = post(approve, null);

        assertThat(page.body()).contains("has changed").doesNotContain("Confirm approval");
        assertThat(confirmed.statusCode()).isEqualTo(409);
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText())
                .isEqualTo("pending");
        assertThat(decisions(reviewId)).isZero();
    }

    @Test
    void theRejectLinkAsksForTheReasonAndRejectsWithIt() {
        Person someone = user();
        String reviewId = reviewFor(someone.email(), "meh").get("reviewId").asText();
        String reject = mailbox.await(someone.email(), 1).get(0).link("Reject");

        HttpResponse<String> page = get(reject);
        HttpResponse<String> withoutReason = post(reject, "  ");

        assertThat(page.body()).contains("Why do you reject it?").contains("name=\"reason\"");
        assertThat(withoutReason.statusCode()).isEqualTo(422);
        assertThat(api.get("/v1/reviews/" + reviewId).body().get("status").asText())
                .isEqualTo("pending");

        HttpResponse<String> rejected = post(reject, "Off brand");

        assertThat(rejected.statusCode()).isEqualTo(200);
        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        assertThat(review.get("status").asText()).isEqualTo("rejected");
        assertThat(review.at("/decision/reason").asText()).isEqualTo("Off brand");
        assertThat(review.at("/decision/via").asText()).isEqualTo("email");
    }

    @Test
    void aLinkExpiresAfterItsTimeToLive() {
        Person someone = user();
        String reviewId = reviewFor(someone.email(), "late").get("reviewId").asText();
        String approve = mailbox.await(someone.email(), 1).get(0).link("Approve");

        clock.advance(Notifications.DEFAULT_ACTION_LINK_TTL.plusSeconds(1));

        assertThat(get(approve).body()).contains("expired").doesNotContain("Confirm approval");
        assertThat(post(approve, null).statusCode()).isEqualTo(409);
        assertThat(decisions(reviewId)).isZero();
    }

    @Test
    void aLinkOfAnotherKindOfTokenIsNotFoundAndChangesNothing() {
        HttpResponse<String> unknown = get(server.baseUrl() + "/a/" + "A".repeat(43));
        HttpResponse<String> malformed = post(server.baseUrl() + "/a/not-a-token", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
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
}
