package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A request for review: the output to review, its form and options, and the {@code Idempotency-Key}
 * it is sent with. It is an immutable value, safe to share between threads, sent with
 * {@link Reviews#send(ReviewRequest)}. Build one gotoHuman style; {@link ReviewRequestBuilder#sendRequest()}
 * builds and sends in one step:
 *
 * <pre>{@code
 * ReviewRequestResponse r = rg.createReview("blog-review")
 *         .addFieldData("blog", text)
 *         .addMetaData("postId", 42)
 *         .setWebhookUrl("https://agent.example.com/hooks/reviewgate")
 *         .sendRequest();
 * }</pre>
 *
 * After a reviewer's instructions, send the regenerated output as the same request plus
 * {@link ReviewRequestBuilder#updateForReview(String)}.
 *
 * <p>The key is chosen once, when the value is built: the SDK's own retries and every re-send of the
 * same value reuse it, so a lost answer never creates a second review.
 */
public final class ReviewRequest {

    private final ObjectNode body;
    private final String idempotencyKey;

    ReviewRequest(ObjectNode body, String idempotencyKey) {
        this.body = body;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * The form the output is reviewed with.
     *
     * @return the form id
     */
    public String formId() {
        return body.get("formId").textValue();
    }

    /**
     * The {@code Idempotency-Key} this request is sent with.
     *
     * @return the pinned key, or the random one chosen when the request was built
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * The request as the JSON body sent to {@code POST /v1/reviews}.
     *
     * @return a copy; changing it does not change the request
     */
    public JsonNode toJson() {
        return body.deepCopy();
    }

    /** The body as sent, without a copy: only the SDK reads it, and never changes it. */
    JsonNode body() {
        return body;
    }

    /**
     * Two requests are equal when they send the same body with the same key.
     *
     * @param other another object
     * @return whether it is an equal request
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReviewRequest that
                && body.equals(that.body)
                && idempotencyKey.equals(that.idempotencyKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(body, idempotencyKey);
    }

    @Override
    public String toString() {
        return "ReviewRequest[formId=" + formId() + ", idempotencyKey=" + idempotencyKey + "]";
    }
}
