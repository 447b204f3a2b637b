package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks.verify against what the real server sends, and against forgeries. */
class WebhooksTest {

    private Reviewgate rg;
    private Stub receiver;
    private String form;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
        receiver = new Stub((i, r) -> new Stub.Answer(204, Map.of(), ""));
        form = LiveServer.newBlogForm(rg);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        rg.close();
    }

    private Stub.Seen awaitDelivery(String event) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (Stub.Seen seen : receiver.seen()) {
                if (seen.body().contains("\"event\":\"" + event + "\"")) {
                    return seen;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "no " + event + " webhook arrived; got " + receiver.seen().size());
    }

    @Test
    void acceptsWhatTheServerSendsToARegisteredEndpoint() throws Exception {
        WebhookEndpoint endpoint = rg.webhooks()
                .register(receiver.url() + "/hook", List.of(WebhookEvent.INSTRUCTIONS, WebhookEvent.APPROVED), form);
        assertThat(endpoint.secret()).startsWith("whsec_");
        assertThat(endpoint.formId()).isEqualTo(form);
        ReviewRequestResponse sent = rg.createReview(form)
                .addFieldData("blog", "Long post")
                .addMetaData("postId", 7)
                .sendRequest();
        rg.reviews()
                .instruct(
                        ReviewAddress.byId(sent.reviewId()),
                        Map.of("blog", FieldInstruction.text("Make this shorter. 500 chars max")),
                        null);

        Stub.Seen delivery = awaitDelivery(WebhookEvent.INSTRUCTIONS);
        // The JDK receiver capitalises header names ("Webhook-id"): lookup must not care.
        assertThat(delivery.headers()).containsKey("Webhook-id");
        WebhookEvent event = Webhooks.verify(endpoint.secret(), delivery.headers(), delivery.body());

        assertThat(event.type()).isEqualTo("instructions");
        assertThat(event.reviewId()).isEqualTo(sent.reviewId());
        assertThat(event.status()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(event.versionId()).isEqualTo(sent.versionId());
        assertThat(event.origin()).isEqualTo(Origin.MODEL_OUTPUT);
        assertThat(event.meta().path("postId").asInt()).isEqualTo(7);
        assertThat(event.round()).isEqualTo(1);
        ResponseValue blog = event.field("blog");
        assertThat(blog.text()).isEqualTo("Long post");
        assertThat(blog.wasEdited()).isFalse();
        assertThat(blog.instruction()).isEqualTo(FieldInstruction.text("Make this shorter. 500 chars max"));
        assertThat(blog.allTextInstructions()).containsExactly("Make this shorter. 500 chars max");

        rg.webhooks().delete(endpoint.id());
        assertThatThrownBy(() -> rg.webhooks().delete(endpoint.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void acceptsAReviewsOwnWebhookUrlSignedWithTheAccountSecret() throws Exception {
        ReviewRequestResponse sent = rg.createReview(form)
                .addFieldData("blog", "Post")
                .setWebhookUrl(receiver.url() + "/own")
                .sendRequest();
        rg.reviews().approve(ReviewAddress.byId(sent.reviewId()), sent.versionId());

        Stub.Seen delivery = awaitDelivery(WebhookEvent.APPROVED);
        WebhookEvent event =
                Webhooks.verify(rg.webhooks().signingSecret(), delivery.headers(), delivery.body(), Clock.systemUTC());
        assertThat(event.type()).isEqualTo("review");
        assertThat(event.response()).isEqualTo("approved");
        assertThat(event.sequence()).isGreaterThan(1);
        assertThat(event.field("blog").text()).isEqualTo("Post");
    }

    @Test
    void rejectsTamperingAWrongSecretAndAStaleTimestamp() throws Exception {
        WebhookEndpoint endpoint = rg.webhooks().register(receiver.url(), null, form);
        ReviewRequestResponse sent =
                rg.createReview(form).addFieldData("blog", "Post").sendRequest();
        Stub.Seen d = awaitDelivery("review.created");
        assertThat(Webhooks.verify(endpoint.secret(), d.headers(), d.body()).reviewId())
                .isEqualTo(sent.reviewId());

        String tampered = d.body().replace("\"Post\"", "\"Pwned\"");
        assertThat(tampered).isNotEqualTo(d.body());
        assertThatThrownBy(() -> Webhooks.verify(endpoint.secret(), d.headers(), tampered))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("signature");

        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> Webhooks.verify(otherSecret, d.headers(), d.body()))
                .isInstanceOf(WebhookVerificationException.class);

        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(d.header("webhook-timestamp")));
        assertThat(Webhooks.verify(endpoint.secret(), d.headers(), d.body(), sentAt.plus(Duration.ofMinutes(4))))
                .isNotNull();
        assertThatThrownBy(() ->
                        Webhooks.verify(endpoint.secret(), d.headers(), d.body(), sentAt.plus(Duration.ofMinutes(6))))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> Webhooks.verify(
                        endpoint.secret(),
                        d.headers(),
                        d.body(),
                        Clock.fixed(sentAt.minus(Duration.ofMinutes(6)), ZoneOffset.UTC)))
                .isInstanceOf(WebhookVerificationException.class);

        Map<String, List<String>> noId = new HashMap<>(d.headers());
        noId.keySet().removeIf(k -> k.equalsIgnoreCase("webhook-id"));
        assertThatThrownBy(() -> Webhooks.verify(endpoint.secret(), noId, d.body()))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("webhook-id");
        rg.webhooks().delete(endpoint.id());
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndTheLibrarysOwn() throws Exception {
        String secret = "whsec_"
                + Base64.getEncoder()
                        .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        String other = "whsec_"
                + Base64.getEncoder()
                        .encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String body =
                "{\"type\":\"review.created\",\"event\":\"review.created\",\"reviewId\":\"rev_1\",\"sequence\":1}";
        String mine = new Webhook(secret).sign("msg_1", now, body);
        String theirs = new Webhook(other).sign("msg_1", now, body);

        Map<String, List<String>> rotated = headers("msg_1", now, theirs + " " + mine);
        assertThat(Webhooks.verify(secret, rotated, body).reviewId()).isEqualTo("rev_1");
        assertThat(Webhooks.verify(other, rotated, body).sequence()).isEqualTo(1);

        String v2 = "v2," + mine.substring(3);
        assertThatThrownBy(() -> Webhooks.verify(secret, headers("msg_1", now, v2), body))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.verify(secret, headers("msg_2", now, mine), body))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.verify(secret, headers("msg_1", now, "v1,not-base64!"), body))
                .isInstanceOf(WebhookVerificationException.class);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of(
                "WEBHOOK-ID",
                List.of(id),
                "webhook-timestamp",
                List.of(Long.toString(timestamp)),
                "Webhook-Signature",
                List.of(signature));
    }
}
