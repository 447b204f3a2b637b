package dev.reviewgate.policy;

import static dev.reviewgate.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form's review policy decides at creation: flagged outputs open a review, others are approved by the policy. */
class ReviewPolicyApiTest extends ApiTest {

    @Override
    protected void setUp() {
        api.post("/v1/forms", json("""
                {'id':'triage','name':'Triage','blockType':'classifier','categories':['ok','refund','legal'],
                 'reviewPolicy':{'kind':'any_of','predicates':[
                    {'kind':'confidence_lt','threshold':0.8},
                    {'kind':'category_in','categories':['legal']}]}}"""));
        api.post("/v1/forms", json("""
                {'id':'amounts','name':'Amounts','blockType':'extract',
                 'schema':{'type':'object','properties':{'total':{'type':'number','minimum':0}},'required':['total']},
                 'reviewPolicy':{'kind':'validation_failed'}}"""));
    }

    @Test
    void aConfidentOutputIsApprovedByThePolicy() {
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of("formId", "triage", "fields", Map.of("category", "ok"), "signals", Map.of("confidence", 0.97)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("approved");
        assertThat(created.body().get("triggeredBy").isNull()).isTrue();
        assertThat(created.body().at("/decision/decidedBy"))
                .isEqualTo(json("{'kind':'agent','id':'review-policy','displayName':'Review policy'}"));
        JsonNode events = api.get(
                        "/v1/reviews/" + created.body().get("reviewId").asText() + "/events")
                .body()
                .get("data");
        assertThat(events)
                .extracting(
                        e -> e.get("type").asText() + "#" + e.get("sequence").asInt())
                .containsExactly("review.created#1", "review#2");
    }

    @Test
    void theFirstMatchingPredicateIsRecordedAsTriggeredBy() {
        Api.Response created = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "triage",
                        "fields",
                        Map.of("category", "legal"),
                        "signals",
                        Map.of("confidence", 0.95)));
        assertThat(created.body().get("status").asText()).isEqualTo("pending");
        assertThat(created.body().get("triggeredBy")).isEqualTo(json("{'kind':'category_in','categories':['legal']}"));
        Api.Response low = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "triage",
                        "fields",
                        Map.of("category", "legal"),
                        "signals",
                        Map.of("confidence", 0.5)));
        assertThat(low.body().get("triggeredBy")).isEqualTo(json("{'kind':'confidence_lt','threshold':0.8}"));
    }

    @Test
    void schemaViolationsOpenAReviewWhenThePolicyAsksForValidationFailed() {
        Api.Response invalid = api.post("/v1/reviews", Map.of("formId", "amounts", "fields", Map.of("total", -5)));
        assertThat(invalid.status()).isEqualTo(201);
        assertThat(invalid.body().get("triggeredBy")).isEqualTo(json("{'kind':'validation_failed'}"));
        Api.Response valid = api.post("/v1/reviews", Map.of("formId", "amounts", "fields", Map.of("total", 5)));
        assertThat(valid.body().get("status").asText()).isEqualTo("approved");
        Api.Response wrongShape = api.post("/v1/reviews", Map.of("formId", "amounts", "fields", Map.of("total", "5")));
        assertThat(wrongShape.status()).isEqualTo(422);
    }

    @Test
    void anInvalidPolicyIsRefusedWithAPointer() {
        Api.Response refused = api.post("/v1/forms", json("""
                {'id':'bad-policy','name':'Bad','fields':[{'id':'a','type':'text'}],
                 'reviewPolicy':{'kind':'confidence_lt'}}"""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().at("/errors/0/pointer").asText()).startsWith("/reviewPolicy");
    }
}
