package dev.reviewgate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.testing.Api;
import dev.reviewgate.testing.ApiTest;
import dev.reviewgate.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the default network policy, webhook URLs that reach internal addresses are refused at registration. */
class SsrfApiTest extends ApiTest {

    @Override
    protected void setUp() {
        api.post("/v1/forms", Fixtures.blogForm());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/hook",
                "http://127.0.0.1:8080/hook",
                "http://10.0.0.1/hook",
                "http://localhost:8080/hook",
                "http://[fd00:ec2::254]/",
                "http://0.0.0.0/",
                "http://[::ffff:10.0.0.1]/"
            })
    void anEndpointToAnInternalAddressIs422(String url) {
        Api.Response refused = api.post("/v1/webhooks", Map.of("url", url));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().at("/errors/0/pointer").asText()).isEqualTo("/url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/", "http://10.0.0.1/hook"})
    void aReviewOrFormWebhookUrlToAnInternalAddressIs422(String url) {
        Api.Response review = api.post(
                "/v1/reviews",
                Map.of(
                        "formId",
                        "blog-review",
                        "webhookUrl",
                        url,
                        "fields",
                        Fixtures.blogFields("x", "https://cdn.example.com/a.jpg")));
        assertThat(review.status()).isEqualTo(422);
        assertThat(review.body().at("/errors/0/pointer").asText()).isEqualTo("/webhookUrl");
        Api.Response form = api.put(
                "/v1/forms/with-hook",
                Map.of("name", "Hook", "webhookUrl", url, "fields", List.of(Map.of("id", "a", "type", "text"))));
        assertThat(form.status()).isEqualTo(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/hook", "http://user:pw@example.com/hook", "not a url"})
    void anEndpointThatIsNotPlainHttpIs422(String url) {
        assertThat(api.post("/v1/webhooks", Map.of("url", url)).status()).isEqualTo(422);
    }
}
