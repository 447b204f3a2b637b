package dev.reviewgate.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.config.Notifications;
import dev.reviewgate.config.Settings;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.TestClock;
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
import org.junit.jupiter.params.AfterParameterizedClassInvocation;

/** The e-mail suites' server (with a real SMTP server behind it), their form, people and links. */
abstract class EmailTest extends ApiTest {

    static final AtomicInteger SEQ = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final TestClock clock = new TestClock();
    Mailbox mailbox;
    String formId;

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

    record Person(String id, String email) {}

    Person user() {
        String email = "reviewer-" + System.nanoTime() + "-" + SEQ.incrementAndGet() + "@example.com";
        Api.Response created =
                api.post("/v1/users", Map.of("email", email, "name", "Rev " + SEQ.get(), "role", "reviewer"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Person(created.body().get("id").asText(), email);
    }

    JsonNode reviewFor(String assignee, String blog) {
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

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static HttpResponse<String> post(String url, String reason) {
        String form = reason == null ? "" : "reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long decisions(String reviewId) {
        return eventCount(reviewId, "review.approved") + eventCount(reviewId, "review.rejected");
    }

    long eventCount(String reviewId, String event) {
        long n = 0;
        for (JsonNode e : api.get("/v1/reviews/" + reviewId + "/events").body().get("data")) {
            n += e.get("event").asText().equals(event) ? 1 : 0;
        }
        return n;
    }
}
