package dev.reviewgate.gotohuman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reviewgate.json.Json;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import dev.reviewgate.testing.RawHttp;
import dev.reviewgate.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The exact requests gotoHuman's Python SDK (0.2.4, on httpx) sends when {@code GOTOHUMAN_BASE_URL}
 * points at {@code /gotohuman}: its headers in its order, and its compact JSON with every
 * bookkeeping key it adds ({@code agentId}, {@code config}, {@code autoApprove}, {@code sessionId},
 * {@code millis}, {@code origin}, {@code originV}), replayed byte for byte on a raw connection.
 */
class GotoHumanSdkReplayTest extends ApiTest {

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    /** What {@code Review.send_request()} puts on the wire, with {@code body} as {@code get_body()} builds it. */
    private RawHttp.Response sendRequest(String body) {
        String head = "POST /gotohuman/requestReview HTTP/1.1\r\n"
                + "Host: " + server.baseUrl().substring("http://".length()) + "\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: gzip, deflate\r\n"
                + "Connection: keep-alive\r\n"
                + "User-Agent: python-httpx/0.28.1\r\n"
                + "Content-Type: application/json\r\n"
                + "x-api-key: " + TestServer.API_KEY;
        try (RawHttp http = RawHttp.connect(server)) {
            return http.exchange(head, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aReviewRequestWithEveryBookkeepingKeyOpensAReview() {
        RawHttp.Response response = sendRequest("{\"formId\":\"blog-review\",\"agentId\":\"agent-7\","
                + "\"fields\":{\"blog\":\"My blog post, long version\",\"imageOptions\":[{\"url\":\"https://cdn.example.com/a.jpg\"}]},"
                + "\"config\":{\"reviewers\":1},\"meta\":{\"postId\":42},\"title\":\"Sourdough\",\"autoApprove\":false,"
                + "\"sessionId\":\"sess-1\",\"millis\":1764600000000,\"origin\":\"py-sdk\",\"originV\":\"0.2.4\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.parse(text(response));
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("reviewId", "gthLink");
        String reviewId = body.get("reviewId").asText();
        assertThat(body.get("gthLink").asText()).isEqualTo(server.baseUrl() + "/reviews/" + reviewId);
        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        assertThat(review.get("title").asText()).isEqualTo("Sourdough");
        assertThat(review.get("meta")).isEqualTo(Fixtures.json("{'postId':42}"));
        assertThat(review.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void anUpdateForAReviewAnswersTheRetry() {
        String reviewId = Json.parse(text(sendRequest("{\"formId\":\"blog-review\",\"fields\":{\"blog\":\"Long\","
                        + "\"imageOptions\":[]},\"meta\":{},\"millis\":1764600000000,\"origin\":\"py-sdk\","
                        + "\"originV\":\"0.2.4\"}")))
                .get("reviewId")
                .asText();
        api.post(
                "/v1/reviews/" + reviewId + "/instructions",
                Fixtures.json("{'fields':{'blog':{'type':'textInstruction','text':'Shorter.'}}}"));

        RawHttp.Response updated = sendRequest("{\"formId\":\"blog-review\",\"fields\":{\"blog\":\"Short\","
                + "\"imageOptions\":[]},\"meta\":{},\"updateForReviewId\":\"" + reviewId + "\","
                + "\"webhookUrl\":\"https://agent.example.com/hooks\",\"workflow\":{\"id\":\"wf\"},"
                + "\"millis\":1764600000001,\"origin\":\"py-sdk\",\"originV\":\"0.2.4\"}");

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(Json.parse(text(updated)).get("reviewId").asText()).isEqualTo(reviewId);
        JsonNode review = api.get("/v1/reviews/" + reviewId).body();
        assertThat(review.get("status").asText()).isEqualTo("pending");
        assertThat(review.at("/versionsById/" + review.get("headVersionId").asText() + "/snapshot/blog")
                        .asText())
                .isEqualTo("Short");
    }

    @Test
    void aBadRequestIsTheRestApisProblem() {
        RawHttp.Response response = sendRequest("{\"formId\":\"no-such-form\",\"fields\":{},\"meta\":{},"
                + "\"millis\":1,\"origin\":\"py-sdk\",\"originV\":\"0.2.4\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void formsAndTheirSchemasAreListed() {
        JsonNode forms = api.get("/gotohuman/fetchReviewForms").body();
        JsonNode blog = null;
        for (JsonNode form : forms) {
            if (form.get("id").asText().equals("blog-review")) {
                blog = form;
            }
        }
        assertThat(blog).isNotNull();
        assertThat(blog.get("name").asText()).isEqualTo("Review blog post");
        assertThat(blog.at("/fields/0/id").asText()).isEqualTo("blog");

        JsonNode schema = api.get("/gotohuman/fetchSchemaForFormFields?formId=blog-review")
                .body();
        assertThat(schema.at("/properties/blog/anyOf/0/type").asText()).isEqualTo("string");
        assertThat(schema.get("required").toString()).contains("blog");
        assertThat(api.get("/gotohuman/fetchSchemaForFormFields?formId=nope").status())
                .isEqualTo(404);
    }

    /** The body as text; httpx accepts gzip, so the server may compress it. */
    private static String text(RawHttp.Response response) {
        if (!"gzip".equals(response.header("content-encoding"))) {
            return response.body();
        }
        try (GZIPInputStream in =
                new GZIPInputStream(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.ISO_8859_1)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
