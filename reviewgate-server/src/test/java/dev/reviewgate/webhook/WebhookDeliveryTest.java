package dev.reviewgate.webhook;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.Receiver;
import dev.reviewgate.testing.Receiver.Answer;
import dev.reviewgate.testing.Signatures;
import dev.reviewgate.testing.WebhookTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delivery schedule, the 410 rule and the log, against a scripted receiver on a real port. */
class WebhookDeliveryTest extends WebhookTest {

    @Test
    void aDeliveryArrivesSignedWithTheEndpointSecret() {
        String form = newForm();
        JsonNode endpoint = newEndpoint(form);
        String reviewId = createReview(form).body().get("reviewId").asText();

        Receiver.Received created =
                receiver.await(r -> r.json().get("event").asText().equals("review.created"));
        assertThat(created.id()).startsWith("msg_");
        assertThat(created.json().get("reviewId").asText()).isEqualTo(reviewId);
        assertThat(Signatures.verifies(endpoint.get("secret").asText(), created))
                .isTrue();
        assertThat(Signatures.verifies(
                        endpoint.get("secret").asText(),
                        new Receiver.Received(
                                created.id(),
                                created.timestamp(),
                                created.signature(),
                                created.body().replace("Post", "Pwned"),
                                Map.of())))
                .isFalse();
        JsonNode delivery = awaitDelivery(
                endpoint.get("id").asText(), d -> d.get("status").asText().equals("delivered"));
        assertThat(delivery.get("id").asText()).isEqualTo(created.id());
    }

    @Test
    void a500IsRetriedAfterFiveSecondsWithTheSameWebhookId() {
        receiver.then(Answer.status(500));
        String form = newForm();
        String endpointId = newEndpoint(form).get("id").asText();
        createReview(form);

        JsonNode failed = awaitDelivery(endpointId, d -> d.get("attempts").asInt() == 1);
        assertThat(failed.get("status").asText()).isEqualTo("pending");
        assertThat(failed.get("lastStatusCode").asInt()).isEqualTo(500);
        long delay = Instant.parse(failed.get("nextAttemptAt").asText()).toEpochMilli()
                - Instant.parse(failed.at("/attemptLog/0/at").asText()).toEpochMilli();
        assertThat(delay).isBetween(4_400L, 5_600L);

        clock.advance(Duration.ofSeconds(6));
        JsonNode delivered =
                awaitDelivery(endpointId, d -> d.get("status").asText().equals("delivered"));
        assertThat(delivered.get("attemptLog"))
                .extracting(a -> a.get("statusCode").asInt())
                .containsExactly(500, 200);
        assertThat(receiver.received())
                .extracting(Receiver.Received::id)
                .containsOnly(delivered.get("id").asText());
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void retryAfterReplacesTheScheduledDelay() {
        receiver.then(new Answer(429, Map.of("Retry-After", "120"), "slow down", Duration.ZERO));
        String form = newForm();
        String endpointId = newEndpoint(form).get("id").asText();
        createReview(form);

        JsonNode limited = awaitDelivery(endpointId, d -> d.get("attempts").asInt() == 1);
        long delay = Instant.parse(limited.get("nextAttemptAt").asText()).toEpochMilli()
                - Instant.parse(limited.at("/attemptLog/0/at").asText()).toEpochMilli();
        assertThat(delay).isBetween(119_000L, 121_000L);
        clock.advance(Duration.ofSeconds(60));
        pause(1_500);
        assertThat(receiver.received()).hasSize(1);
        clock.advance(Duration.ofSeconds(61));
        awaitDelivery(endpointId, d -> d.get("status").asText().equals("delivered"));
    }

    @Test
    void a410FailsTheDeliveryAndDisablesTheEndpoint() {
        receiver.then(Answer.status(410));
        String form = newForm();
        String endpointId = newEndpoint(form).get("id").asText();
        createReview(form);

        JsonNode gone = awaitDelivery(endpointId, d -> d.get("status").asText().equals("failed"));
        assertThat(gone.get("lastStatusCode").asInt()).isEqualTo(410);
        assertThat(api.get("/v1/webhooks/" + endpointId)
                        .body()
                        .get("disabledAt")
                        .isNull())
                .isFalse();
        createReview(form);
        pause(1_000);
        assertThat(receiver.received()).hasSize(1);
        assertThat(api.get("/v1/webhooks/" + endpointId + "/deliveries").body().get("data"))
                .hasSize(1);
    }

    @Test
    void aTimeoutIsAFailedAttemptInTheLog() {
        receiver.then(Answer.slow(TIMEOUT.plusSeconds(2)));
        String form = newForm();
        String endpointId = newEndpoint(form).get("id").asText();
        createReview(form);

        JsonNode timedOut = awaitDelivery(endpointId, d -> d.get("attempts").asInt() == 1);
        assertThat(timedOut.get("status").asText()).isEqualTo("pending");
        assertThat(timedOut.at("/attemptLog/0/statusCode").isNull()).isTrue();
        assertThat(timedOut.at("/attemptLog/0/error").asText()).contains("timed out");
        assertThat(timedOut.at("/attemptLog/0/durationMs").asLong()).isBetween(900L, 3_000L);
    }

    @Test
    void aConnectionResetIsAFailedAttemptInTheLog() throws Exception {
        try (ResettingServer reset = new ResettingServer()) {
            String form = newForm();
            String endpointId = api.post("/v1/webhooks", Map.of("url", reset.url(), "formId", form))
                    .body()
                    .get("id")
                    .asText();
            createReview(form);
            JsonNode failed = awaitDelivery(endpointId, d -> d.get("attempts").asInt() == 1);
            assertThat(failed.get("status").asText()).isEqualTo("pending");
            assertThat(failed.at("/attemptLog/0/error").asText()).isNotBlank();
            assertThat(reset.connections()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void anExhaustedScheduleFailsAndRedeliverStartsAgain() {
        for (int i = 0; i < 8; i++) {
            receiver.then(Answer.status(503));
        }
        String form = newForm();
        String endpointId = newEndpoint(form).get("id").asText();
        createReview(form);
        for (int attempt = 1; attempt <= 8; attempt++) {
            int expected = attempt;
            awaitDelivery(endpointId, d -> d.get("attempts").asInt() == expected);
            clock.advance(Duration.ofHours(11));
        }
        JsonNode failed =
                awaitDelivery(endpointId, d -> d.get("status").asText().equals("failed"));
        assertThat(failed.get("attemptLog")).hasSize(8);

        JsonNode redelivered = api.post("/v1/deliveries/" + failed.get("id").asText() + "/redeliver", Map.of())
                .body();
        assertThat(redelivered.get("status").asText()).isEqualTo("pending");
        JsonNode delivered =
                awaitDelivery(endpointId, d -> d.get("status").asText().equals("delivered"));
        assertThat(delivered.get("attemptLog")).hasSize(9);
        assertThat(receiver.received())
                .extracting(Receiver.Received::id)
                .containsOnly(failed.get("id").asText());
    }

    @Test
    void theLogKeepsTheFirstKibOfTheResponse() {
        receiver.then(new Answer(200, Map.of(), "x".repeat(5_000), Duration.ZERO));
        String form = newForm();
        String endpointId = newEndpoint(form).get("id").asText();
        createReview(form);
        JsonNode delivered =
                awaitDelivery(endpointId, d -> d.get("status").asText().equals("delivered"));
        assertThat(delivered.at("/attemptLog/0/responseBody").asText()).hasSize(1024);
        assertThat(delivered.at("/attemptLog/0/statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        receiver.then(new Answer(302, Map.of("Location", "http://10.0.0.1/steal"), "", Duration.ZERO));
        String form = newForm();
        String endpointId = newEndpoint(form).get("id").asText();
        createReview(form);
        JsonNode redirected = awaitDelivery(endpointId, d -> d.get("attempts").asInt() == 1);
        assertThat(redirected.get("status").asText()).isEqualTo("pending");
        assertThat(redirected.at("/attemptLog/0/statusCode").asInt()).isEqualTo(302);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aReviewUrlIsSignedWithTheAccountSecretAndBothSecretsSignAfterARotation() {
        String form = newForm();
        String before = api.get("/v1/signing-secret").body().get("secret").asText();
        var review = api.post(
                        "/v1/reviews",
                        Map.of(
                                "formId",
                                form,
                                "webhookUrl",
                                receiver.url("/review-hook"),
                                "fields",
                                Fixtures.blogFields("Post", "https://cdn.example.com/a.jpg")))
                .body();
        Receiver.Received first =
                receiver.await(r -> r.json().get("event").asText().equals("review.created"));
        assertThat(Signatures.verifies(before, first)).isTrue();

        JsonNode rotated = api.post("/v1/signing-secret/rotate", Map.of()).body();
        String after = rotated.get("secret").asText();
        assertThat(rotated.get("previousSecret").asText()).isEqualTo(before);
        api.post(
                "/v1/reviews/" + review.get("reviewId").asText() + "/approve",
                Map.of("versionId", review.get("versionId").asText()));
        Receiver.Received second =
                receiver.await(r -> r.json().get("event").asText().equals("review.approved"));
        assertThat(second.signature().split(" ")).hasSize(2);
        assertThat(Signatures.verifies(before, second)).isTrue();
        assertThat(Signatures.verifies(after, second)).isTrue();
        assertThat(second.json().get("response").asText()).isEqualTo("approved");
    }

    @Test
    void theInstructionsWebhookHasTheSeedsShape() {
        String form = newForm();
        newEndpoint(form);
        String reviewId = api.post("/v1/reviews", Map.of("formId", form, "fields", json("""
                {'blog':'My blog post ...','imageOptions':[{'url':'https://cdn.example.com/my-image.jpg'},
                 {'url':'https://cdn.example.com/my-image2.jpg'}]}""")))
                .body()
                .get("reviewId")
                .asText();
        api.post("/v1/reviews/" + reviewId + "/instructions", json("""
                {'fields':{'blog':{'type':'textInstruction','text':'Make this shorter. 500 chars max'},
                 'imageOptions':{'type':'rerun'}}}"""));
        JsonNode body = receiver.await(r -> r.json().get("type").asText().equals("instructions"))
                .json();
        assertThat(body.get("reviewId").asText()).isEqualTo(reviewId);
        assertThat(body.get("formId").asText()).isEqualTo(form);
        assertThat(body.get("formName").asText()).isEqualTo("Review blog post");
        assertThat(body.get("accountId").asText()).startsWith("acc_");
        assertThat(body.get("respondedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(body.get("respondingUser").isTextual()).isTrue();
        assertThat(body.at("/responseValues/blog")).isEqualTo(json("""
                {'value':'My blog post ...','wasEdited':false,
                 'instruction':{'type':'textInstruction','text':'Make this shorter. 500 chars max'},
                 'allTextInstructions':['Make this shorter. 500 chars max']}"""));
        assertThat(body.at("/responseValues/imageOptions/value")).isEqualTo(json("""
                [{'url':'https://cdn.example.com/my-image.jpg'},{'url':'https://cdn.example.com/my-image2.jpg'}]"""));
        assertThat(body.at("/responseValues/imageOptions/instruction")).isEqualTo(json("{'type':'rerun'}"));
        assertThat(body.at("/responseValues/imageOptions/allTextInstructions")).isEmpty();
    }
}
